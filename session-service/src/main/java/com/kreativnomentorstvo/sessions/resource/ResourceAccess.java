package com.kreativnomentorstvo.sessions.resource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeMembership;

/**
 * Who may do what with the library. A programme's resources are written by those who coordinate it
 * (administrators, the organiser's and the partners' coordinators: the platform's one rule) and read
 * by them and by the participants who take part in it (admitted or active: the rule of its group
 * events); a participant of the programme who tries to write gets 403, anyone else 404. The
 * instance's own resources are written by administrators (403 for anyone else) and read by anyone
 * signed in. An ARCHIVED programme's resources are read-only (409 naming {@code status}).
 */
@Component
class ResourceAccess {

	/** What a 404 for a resource names. */
	static final String KIND = "library-resource";

	private final LibraryResources resources;

	private final ProgrammeDirectory programmes;

	private final ProgrammeMembership membership;

	private final MongoOperations mongo;

	private final ProgrammeStatuses statuses;

	ResourceAccess(LibraryResources resources, ProgrammeDirectory programmes, ProgrammeMembership membership,
			MongoOperations mongo, ProgrammeStatuses statuses) {
		this.resources = resources;
		this.programmes = programmes;
		this.membership = membership;
		this.mongo = mongo;
		this.statuses = statuses;
	}

	/** Whether the caller reads the programme's resources (the instance's, for {@code null}). */
	boolean reads(Caller caller, String programmeId) {
		if (programmeId == null) {
			return true;
		}
		return programmes.find(programmeId).isPresent() && (programmes.coordinates(caller, programmeId, null)
				|| membership.of(caller, programmeId).isPresent());
	}

	/** 404 unless the caller reads the programme's resources. */
	void requireReader(Caller caller, String programmeId) {
		if (!reads(caller, programmeId)) {
			throw new ResourceNotFoundException("programme", programmeId);
		}
	}

	/**
	 * The taxonomy the caller may tag the programme's resources with (the instance's: every known
	 * programme's), if she writes them: 403 for their readers, 404 for anyone else; 409 naming
	 * {@code status} once the programme is ARCHIVED.
	 */
	Set<String> requireWriter(Caller caller, String programmeId) {
		if (programmeId == null) {
			if (!caller.isAdmin()) {
				throw new AccessDeniedException("only administrators publish the instance's resources");
			}
			return instanceTaxonomy();
		}
		Programme programme = programmes.find(programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (!programme.coordinatedBy(caller)) {
			if (membership.of(caller, programmeId).isPresent()) {
				throw new AccessDeniedException("only the programme's coordinators publish its resources");
			}
			throw new ResourceNotFoundException("programme", programmeId);
		}
		statuses.requireChangeable(programme);
		return taxonomyOf(programme);
	}

	/** The resource, if the caller reads it; otherwise 404. */
	LibraryResource visible(Caller caller, String resourceId) {
		LibraryResource resource = resources.findById(resourceId).orElse(null);
		if (resource == null || !reads(caller, resource.getProgrammeId())) {
			throw new ResourceNotFoundException("library-resource", resourceId);
		}
		return resource;
	}

	/** The resource and the taxonomy of its tags, if the caller writes it: 404 unless she reads it, else 403. */
	Writable writable(Caller caller, String resourceId) {
		LibraryResource resource = visible(caller, resourceId);
		return new Writable(resource, requireWriter(caller, resource.getProgrammeId()));
	}

	record Writable(LibraryResource resource, Set<String> taxonomy) {
	}

	private static Set<String> taxonomyOf(Programme programme) {
		List<String> taxonomy = programme.details().taxonomy();
		return taxonomy == null ? Set.of() : new LinkedHashSet<>(taxonomy);
	}

	/** The instance's taxonomy: every entry of every programme it knows. */
	private Set<String> instanceTaxonomy() {
		Set<String> taxonomy = new LinkedHashSet<>();
		mongo.findAll(Programme.class, ProgrammeDirectory.COLLECTION)
			.forEach(programme -> taxonomy.addAll(taxonomyOf(programme)));
		return taxonomy;
	}

}
