package com.kreativnomentorstvo.sessions.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Optional;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Times in the zone they were booked in, with the VTIMEZONE that defines it, so that a calendar app
 * shows them right across daylight-saving changes. The definitions are the library's bundled copy
 * of the time-zone database, never fetched at run time ({@code ical4j.properties}).
 */
final class TimeZoneDefinitions {

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	/** The time in its zone (TZID), or in UTC if the library has no definition of the zone. */
	Temporal time(Instant instant, String zoneId) {
		return timeZone(zoneId).<Temporal>map(tz -> ZonedDateTime.ofInstant(instant, ZoneId.of(zoneId)))
			.orElse(instant);
	}

	/**
	 * The VTIMEZONE that defines the zone, under the zone's own name. The library answers for a
	 * linked zone (Europe/Skopje, Europe/Ljubljana, Europe/Zagreb are links to Europe/Belgrade)
	 * with the definition of the zone it links to; the entries name the zone they were booked in,
	 * so the definition is renamed to match, or a calendar app would not find it.
	 */
	Optional<VTimeZone> definition(String zoneId) {
		return timeZone(zoneId).map(tz -> {
			VTimeZone definition = tz.getVTimeZone();
			String defined = definition.getProperty(Property.TZID).map(Property::getValue).orElse(null);
			if (zoneId.equals(defined)) {
				return definition;
			}
			VTimeZone renamed = definition.copy();
			renamed.replace(new TzId(zoneId));
			renamed.removeAll(Property.TZURL);
			renamed.getProperty("X-LIC-LOCATION")
				.ifPresent(location -> renamed.replace(new XProperty("X-LIC-LOCATION", zoneId)));
			return renamed;
		});
	}

	private Optional<TimeZone> timeZone(String zoneId) {
		synchronized (zones) {
			return Optional.ofNullable(zones.getTimeZone(zoneId));
		}
	}

}
