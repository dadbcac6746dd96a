package com.kreativnomentorstvo.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.sessions.SessionProperties;

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

}
