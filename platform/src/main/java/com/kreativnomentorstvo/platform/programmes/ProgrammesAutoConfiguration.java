package com.kreativnomentorstvo.platform.programmes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** The directory of programmes and their statuses every service keeps from participant-service's events. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
public class ProgrammesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProgrammeDirectory programmeDirectory(MongoOperations mongo) {
		return new ProgrammeDirectory(mongo);
	}

	// named apart from participant-service's own ProgrammeStatuses service, which moves programmes
	@Bean
	@ConditionalOnMissingBean
	ProgrammeStatuses announcedProgrammeStatuses(MongoOperations mongo, ProgrammeDirectory programmes) {
		return new ProgrammeStatuses(mongo, programmes);
	}

}
