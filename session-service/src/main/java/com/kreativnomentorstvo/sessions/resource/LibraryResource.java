package com.kreativnomentorstvo.sessions.resource;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * A guide, template or link the network shares: for one programme ({@code programmeId}) or for the
 * whole instance (none). It names the organisation that published it, never the person, so it keeps
 * no personal data. It publishes no events: nothing outside this service reacts to the library.
 */
@Document("library_resources")
class LibraryResource extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String programmeId;

	private String organisationId;

	private String title;

	private String description;

	private String language;

	private ResourceKind kind;

	private List<String> tags = List.of();

	private String url;

	private StoredFile file;

	private Instant createdAt;

	private Instant updatedAt;

	protected LibraryResource() {
	}

	/** A resource checked by {@link ResourceRules}: a link, or (once {@link #attach}ed) a file. */
	static LibraryResource publish(String programmeId, String organisationId, String title, String description,
			String language, ResourceKind kind, List<String> tags, String url, Instant at) {
		LibraryResource resource = new LibraryResource();
		resource.id = Ids.next("res");
		resource.programmeId = programmeId;
		resource.organisationId = organisationId;
		resource.title = title;
		resource.description = description;
		resource.language = language;
		resource.kind = kind;
		resource.tags = List.copyOf(tags);
		resource.url = url;
		resource.createdAt = at;
		resource.updatedAt = at;
		return resource;
	}

	/** The file of a resource that is not a link, kept before the resource is first saved. */
	void attach(StoredFile stored) {
		if (url != null || file != null) {
			throw new IllegalStateException("a resource is a link or one file");
		}
		file = stored;
	}

	/** Changes what the resource says about itself; absent values keep theirs, an empty description removes it. */
	void revise(String newTitle, String newDescription, List<String> newTags, Instant at) {
		if (newTitle != null) {
			title = newTitle;
		}
		if (newDescription != null) {
			description = newDescription.isBlank() ? null : newDescription;
		}
		if (newTags != null) {
			tags = List.copyOf(newTags);
		}
		updatedAt = at;
	}

	boolean isInstanceWide() {
		return programmeId == null;
	}

	String getId() {
		return id;
	}

	String getProgrammeId() {
		return programmeId;
	}

	String getOrganisationId() {
		return organisationId;
	}

	String getTitle() {
		return title;
	}

	String getDescription() {
		return description;
	}

	String getLanguage() {
		return language;
	}

	ResourceKind getKind() {
		return kind;
	}

	List<String> getTags() {
		return tags == null ? List.of() : tags;
	}

	String getUrl() {
		return url;
	}

	StoredFile getFile() {
		return file;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
