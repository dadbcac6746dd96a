package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

/**
 * Where online sessions meet: a fresh room per session, named with 120 random bits so that the
 * link cannot be guessed. Which provider is configured with {@code mentoring.sessions.meetings.*}.
 */
public interface MeetingRooms {

	/** A new room nobody else has. */
	URI newRoom();

	/**
	 * Where a session or group event meets online: the link asked for, which must be https (422
	 * {@code meetingUrl} otherwise), or a new room when none is given.
	 */
	default URI roomFor(String asked) {
		if (asked == null || asked.isBlank()) {
			return newRoom();
		}
		try {
			URI uri = new URI(asked.strip());
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				throw new InvalidFieldsException("meetingUrl", ProblemText.of("field.https-link"));
			}
			return uri;
		}
		catch (URISyntaxException invalid) {
			throw new InvalidFieldsException("meetingUrl", ProblemText.of("field.invalid-link"));
		}
	}

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
				throw new IllegalStateException("mentoring.sessions.meetings.url-template must contain {room}");
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
