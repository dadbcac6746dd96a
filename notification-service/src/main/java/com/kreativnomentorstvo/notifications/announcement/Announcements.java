package com.kreativnomentorstvo.notifications.announcement;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The announcements coordinators sent. */
interface Announcements extends MongoRepository<Announcement, String> {

	List<Announcement> findByProgrammeIdOrderBySentAtDesc(String programmeId);

}
