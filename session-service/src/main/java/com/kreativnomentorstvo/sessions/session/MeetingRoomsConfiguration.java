package com.kreativnomentorstvo.sessions.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kreativnomentorstvo.sessions.config.SessionProperties;

/** The meeting-room provider chosen by {@code mentoring.sessions.meetings.provider}. */
@Configuration(proxyBeanMethods = false)
class MeetingRoomsConfiguration {

	@Bean
	MeetingRooms meetingRooms(SessionProperties properties) {
		return MeetingRooms.from(properties.meetings());
	}

}
