package com.kreativnomentorstvo.sessions.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Publishing, listing, revising and removing the library's resources. Every check runs before
 * anything is written: a refused request stores no document and no file. A file is written before
 * its resource and removed again if the resource cannot be saved; a removed resource takes its file
 * with it.
 */
@Service
class ResourceLibrary {

	private final LibraryResources resources;

	private final ResourceFiles files;

	private final ResourceAccess access;

	private final MongoOperations mongo;

	private final SessionProperties properties;

	private final Clock clock;

	ResourceLibrary(LibraryResources resources, ResourceFiles files, ResourceAccess access, MongoOperations mongo,
			SessionProperties properties, Clock clock) {
		this.resources = resources;
		this.files = files;
		this.access = access;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a resource says about itself and where it points. */
	record Draft(String title, String description, String language, ResourceKind kind, List<String> tags, String url) {
	}

	/** Publishes a resource of the programme (of the instance, for {@code null}), a link or with its file. */
	LibraryResource publish(Caller caller, String programmeId, Draft draft, MultipartFile upload) {
		Set<String> taxonomy = access.requireWriter(caller, programmeId);
		boolean hasFile = upload != null && !upload.isEmpty();
		List<FieldProblem> problems = new ArrayList<>();
		problems.addAll(ResourceRules.checkLanguage(draft.language()));
		problems.addAll(ResourceRules.checkTags(draft.tags(), taxonomy));
		problems.addAll(ResourceRules.checkTarget(draft.kind(), draft.url(), upload != null));
		byte[] bytes = null;
		FileTypes.Verdict verdict = null;
		if (upload != null) {
			long max = properties.resources().maxFileSize().toBytes();
			if (upload.isEmpty()) {
				problems.add(FieldProblem.of("file", "library.file-empty"));
			}
			else if (upload.getSize() > max) {
				problems.add(FieldProblem.of("file", "library.file-too-large", max));
			}
			else {
				bytes = bytesOf(upload);
				verdict = FileTypes.judge(bytes, upload.getOriginalFilename(), upload.getContentType());
				if (!verdict.taken()) {
					problems.add(FieldProblem.of("file", verdict.refusal().key,
							String.join(", ", new TreeSet<>(FileTypes.BY_EXTENSION.keySet()))));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String language = ResourceRules.language(draft.language()).orElseThrow();
		LibraryResource resource = LibraryResource.publish(programmeId, caller.organisationId(), draft.title(),
				blankless(draft.description()), language, draft.kind(), ResourceRules.distinct(draft.tags()),
				hasFile ? null : draft.url().strip(), now);
		if (!hasFile) {
			return resources.insert(resource);
		}
		String fileName = fileName(upload.getOriginalFilename());
		String fileId = files.store(bytes, fileName, verdict.contentType(), resource.getId());
		try {
			resource.attach(new StoredFile(fileId, fileName, verdict.contentType(), bytes.length));
			return resources.insert(resource);
		}
		catch (RuntimeException notSaved) {
			files.delete(fileId);
			throw notSaved;
		}
	}

	/** A page of the programme's resources (the instance's, for {@code null}), newest first, filtered. */
	PageOf<LibraryResource> list(Caller caller, String programmeId, String language, String tag, ResourceKind kind,
			int page, int size) {
		access.requireReader(caller, programmeId);
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(where("programmeId").is(programmeId));
		if (language != null && !language.isBlank()) {
			criteria.add(where("language").is(ResourceRules.language(language).orElse(language)));
		}
		if (tag != null && !tag.isBlank()) {
			criteria.add(where("tags").is(tag));
		}
		if (kind != null) {
			criteria.add(where("kind").is(kind));
		}
		Query query = Query.query(new Criteria().andOperator(criteria));
		long total = mongo.count(query, LibraryResource.class);
		List<LibraryResource> items = mongo.find(query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size), LibraryResource.class);
		return new PageOf<>(items, page, size, total);
	}

	/** Changes title, description and tags; {@code If-Match} (optional) against lost updates. */
	LibraryResource revise(Caller caller, String resourceId, String title, String description, List<String> tags,
			String ifMatch) {
		ResourceAccess.Writable writable = access.writable(caller, resourceId);
		LibraryResource resource = writable.resource();
		Versions.checkMatch(ifMatch, resource.getVersion(), ResourceAccess.KIND);
		List<FieldProblem> problems = ResourceRules.checkTags(tags, writable.taxonomy());
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		resource.revise(title, description, tags == null ? null : ResourceRules.distinct(tags),
				clock.instant().truncatedTo(ChronoUnit.MILLIS));
		return resources.save(resource);
	}

	/** Removes the resource and its file. */
	void remove(Caller caller, String resourceId, String ifMatch) {
		LibraryResource resource = access.writable(caller, resourceId).resource();
		Versions.checkMatch(ifMatch, resource.getVersion(), ResourceAccess.KIND);
		resources.delete(resource);
		if (resource.getFile() != null) {
			files.delete(resource.getFile().fileId());
		}
	}

	private static byte[] bytesOf(MultipartFile upload) {
		try {
			return upload.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The name without any directory or control characters, at most 200 characters. */
	static String fileName(String original) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\"]", "").strip();
		if (name.length() > 200) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
			name = name.substring(0, 200 - extension.length()) + extension;
		}
		return name.isEmpty() ? "file" : name;
	}

	private static String blankless(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
