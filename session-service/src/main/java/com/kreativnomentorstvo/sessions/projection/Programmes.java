package com.kreativnomentorstvo.sessions.projection;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** The programmes this service has heard of. */
public interface Programmes extends MongoRepository<Programme, String> {

	/** Programmes an organisation runs or partners in. */
	@Query(value = "{ '$or': [ { 'organiserId': ?0 }, { 'partnerIds': ?0 } ] }", fields = "{ '_id': 1 }")
	List<Programme> findRunOrPartneredBy(String organisationId);

}
