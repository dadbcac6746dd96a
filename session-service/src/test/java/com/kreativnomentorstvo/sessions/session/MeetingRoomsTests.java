package com.kreativnomentorstvo.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

class MeetingRoomsTests {

	@Test
	void jitsiRoomsAreUnguessableLinksOnTheConfiguredServer() {
		MeetingRooms rooms = MeetingRooms.from(new SessionProperties.Meetings(SessionProperties.MeetingProvider.JITSI,
				URI.create("https://meet.jit.si"), "Mentoring-", null));

		Set<URI> made = new HashSet<>();
		IntStream.range(0, 200).forEach(i -> made.add(rooms.newRoom()));

		assertThat(made).hasSize(200)
			.allSatisfy(uri -> assertThat(uri.toString()).matches("https://meet\\.jit\\.si/Mentoring-[0-9a-f]{30}"));
	}

	@Test
	void templateProviderPutsTheRoomIntoTheConfiguredLink() {
		MeetingRooms rooms = MeetingRooms.from(new SessionProperties.Meetings(
				SessionProperties.MeetingProvider.TEMPLATE, null, "", "https://bbb.example.org/rooms/{room}/join"));

		assertThat(rooms.newRoom().toString()).matches("https://bbb\\.example\\.org/rooms/[0-9a-f]{30}/join");
	}

	@Test
	void templateWithoutARoomPlaceholderIsAConfigurationError() {
		assertThatThrownBy(() -> MeetingRooms.from(new SessionProperties.Meetings(
				SessionProperties.MeetingProvider.TEMPLATE, null, "", "https://bbb.example.org/rooms")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aLinkOfThePairsOwnIsTakenWhenItIsHttpsAndANewRoomIsMadeWhenNoneIsGiven() {
		MeetingRooms rooms = MeetingRooms.from(new SessionProperties.Meetings(SessionProperties.MeetingProvider.JITSI,
				URI.create("https://meet.jit.si"), "Mentoring-", null));

		assertThat(rooms.roomFor(" https://zoom.example.org/j/123 ")).hasToString("https://zoom.example.org/j/123");
		assertThat(rooms.roomFor(null).toString()).startsWith("https://meet.jit.si/Mentoring-");
		assertThat(rooms.roomFor(" ").toString()).startsWith("https://meet.jit.si/Mentoring-");
		for (String refused : new String[] { "http://zoom.example.org/j/123", "https:///nohost", "https://a b" }) {
			assertThatThrownBy(() -> rooms.roomFor(refused)).as(refused)
				.isInstanceOfSatisfying(InvalidFieldsException.class,
						ex -> assertThat(ex.problems()).extracting(InvalidFieldsException.FieldProblem::field)
							.containsExactly("meetingUrl"));
		}
	}

}
