package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.kreativnomentorstvo.sessions.SessionProperties;

/**
 * Where online sessions meet: a fresh room per session, named with 120 random bits so that the
 * link cannot be guessed. Which provider is configured with {@code sessions.meetings.*}.
 */
public interface MeetingRooms {

	/** A new room nobody else has. */
	URI newRoom();

	/** The configured provider. */
	static MeetingRooms from(SessionProperties.Meetings settings) {
		return switch (settings.provider()) {
			case JITSI -> new Jitsi(settings.baseUrl(), settings.roomPrefix());
			case TEMPLATE -> new Template(settings.urlTemplate(), settings.roomPrefix());
		};
	}

	/** A room on a Jitsi Meet server: {@code https://meet.jit.si/<prefix><random>}. */
	final class Jitsi implements MeetingRooms {

		private final String base;

		private final String prefix;

		Jitsi(URI baseUrl, String prefix) {
			String url = baseUrl.toString();
			this.base = url.endsWith("/") ? url : url + "/";
			this.prefix = prefix == null ? "" : prefix;
		}

		@Override
		public URI newRoom() {
			return URI.create(base + prefix + RoomNames.next());
		}

	}

	/** Any provider with predictable room links: {@code {room}} in the template is replaced. */
	final class Template implements MeetingRooms {

		private final String template;

		private final String prefix;

		Template(String template, String prefix) {
			if (template == null || !template.contains("{room}")) {
				throw new IllegalStateException("sessions.meetings.url-template must contain {room}");
			}
			this.template = template;
			this.prefix = prefix == null ? "" : prefix;
		}

		@Override
		public URI newRoom() {
			return URI.create(template.replace("{room}", prefix + RoomNames.next()));
		}

	}

	/** Unguessable room names: letters and digits only, so every provider accepts them. */
	final class RoomNames {

		private static final SecureRandom RANDOM = new SecureRandom();

		static String next() {
			byte[] bits = new byte[15];
			RANDOM.nextBytes(bits);
			return HexFormat.of().formatHex(bits);
		}

		private RoomNames() {
		}

	}

}
