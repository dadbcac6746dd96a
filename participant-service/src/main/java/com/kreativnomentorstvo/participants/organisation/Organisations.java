package com.kreativnomentorstvo.participants.organisation;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every registered organisation. */
public interface Organisations extends MongoRepository<Organisation, String> {

	Page<Organisation> findByIdIn(Collection<String> ids, Pageable pageable);

}
