package com.kreativnomentorstvo.sessions.resource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.sessions.mentorship.Goal;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.Participant;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The resource library ({@code /api/v1}): guides, templates and links the network shares, a
 * programme's ({@code programmes/{id}/resources}) or the whole instance's ({@code resources}), each
 * a link or a file (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, TXT, PNG or JPEG, at most
 * {@code mentoring.sessions.resources.max-file-size}, its type told by its bytes), and the ones a
 * pair's goals call for ({@code mentorships/{id}/resources}). Who reads and writes what:
 * {@link ResourceAccess}.
 */
@RestController
@Validated
@RequestMapping("/api/v1")
class ResourceController {

	/** What the API document says of the uploads it does not describe as operations of their own. */
	static final String UPLOAD = """
			Publishes a link (JSON). A file is published by a multipart/form-data POST to the same path: \
			the part `resource` (application/json, this body without `url`) and the part `file` (with its \
			file name and content type; PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, TXT, PNG or JPEG, at most \
			mentoring.sessions.resources.max-file-size, 10 MB by default). The type is told from the bytes, \
			and the file name's extension and the declared type must agree with it: otherwise 422 naming \
			`file` (413 naming `file` for a request too large to read).""";

	private final ResourceLibrary library;

	private final ResourceAccess access;

	private final ResourceFiles files;

	private final LibraryResources resources;

	private final MentorshipAccess mentorships;

	private final Directory directory;

	ResourceController(ResourceLibrary library, ResourceAccess access, ResourceFiles files, LibraryResources resources,
			MentorshipAccess mentorships, Directory directory) {
		this.library = library;
		this.access = access;
		this.files = files;
		this.resources = resources;
		this.mentorships = mentorships;
		this.directory = directory;
	}

	/**
	 * A resource to publish: sent as JSON for a link, or as the {@code resource} part of a
	 * {@code multipart/form-data} request whose {@code file} part is the file.
	 *
	 * @param language the language it is written in: {@code en}, {@code sr-Latn}, {@code sr-Cyrl},
	 *     {@code hr}, {@code mk} or {@code sl}
	 * @param tags entries of the programme's taxonomy (for the instance's resources: of any programme's)
	 * @param url for a link: an absolute {@code https} or {@code http} address
	 */
	record NewResource(@NotBlank @Size(max = 200) @PlainText String title,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String description,
			@NotNull String language, @NotNull ResourceKind kind,
			@Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
			@Size(max = 2000) @PlainText(allowBlank = true) String url) {

		ResourceLibrary.Draft draft() {
			return new ResourceLibrary.Draft(title, description, language, kind, tags == null ? List.of() : tags, url);
		}

	}

	/** Publishes a link for the programme (its coordinators). */
	@Operation(description = UPLOAD)
	@PostMapping(path = "/programmes/{programmeId}/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ResourceView> publish(Caller caller, @PathVariable String programmeId,
			@Valid @RequestBody NewResource request) {
		return created(library.publish(caller, programmeId, request.draft(), null));
	}

	/** Publishes a file (or a link, without the {@code file} part) for the programme (its coordinators). */
	// left out of the API document: a multipart operation there makes the generated client (client/) need
	// Apache httpmime; the JSON operation's description names it
	@Operation(hidden = true)
	@PostMapping(path = "/programmes/{programmeId}/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ResourceView> publish(Caller caller, @PathVariable String programmeId,
			@Valid @RequestPart("resource") NewResource resource,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		return created(library.publish(caller, programmeId, resource.draft(), file));
	}

	/** The programme's resources, newest first; {@code lang}, {@code tag} and {@code kind} narrow them. */
	@GetMapping("/programmes/{programmeId}/resources")
	PageOf<ResourceView> listOfProgramme(Caller caller, @PathVariable String programmeId,
			@RequestParam(required = false) @Size(max = 20) String lang,
			@RequestParam(required = false) @Size(max = 60) String tag,
			@RequestParam(required = false) ResourceKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
		return library.list(caller, programmeId, lang, tag, kind, page, size).map(ResourceView::of);
	}

	/** Publishes a link for the whole instance (administrators). */
	@Operation(description = UPLOAD)
	@PostMapping(path = "/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ResourceView> publishForInstance(Caller caller, @Valid @RequestBody NewResource request) {
		return created(library.publish(caller, null, request.draft(), null));
	}

	/** Publishes a file (or a link, without the {@code file} part) for the whole instance (administrators). */
	// left out of the API document: a multipart operation there makes the generated client (client/) need
	// Apache httpmime; the JSON operation's description names it
	@Operation(hidden = true)
	@PostMapping(path = "/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ResourceView> publishForInstance(Caller caller, @Valid @RequestPart("resource") NewResource resource,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		return created(library.publish(caller, null, resource.draft(), file));
	}

	/** The instance's own resources (anyone signed in), newest first, narrowed as a programme's. */
	@GetMapping("/resources")
	PageOf<ResourceView> listOfInstance(Caller caller, @RequestParam(required = false) @Size(max = 20) String lang,
			@RequestParam(required = false) @Size(max = 60) String tag,
			@RequestParam(required = false) ResourceKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
		return library.list(caller, null, lang, tag, kind, page, size).map(ResourceView::of);
	}

	@GetMapping("/resources/{resourceId}")
	ResponseEntity<ResourceView> read(Caller caller, @PathVariable String resourceId) {
		LibraryResource resource = access.visible(caller, resourceId);
		return ResponseEntity.ok().eTag(Versions.etag(resource.getVersion())).body(ResourceView.of(resource));
	}

	/** A change of what a resource says about itself; absent fields keep their value. */
	record ResourceChange(@Size(min = 1, max = 200) @PlainText String title,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String description,
			@Size(max = 20) List<@NotBlank @Size(max = 60) String> tags) {
	}

	/** Changes title, description and tags (those who may write it); {@code If-Match} → 412 when stale. */
	@PatchMapping("/resources/{resourceId}")
	ResponseEntity<ResourceView> revise(Caller caller, @PathVariable String resourceId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ResourceChange change) {
		LibraryResource resource = library.revise(caller, resourceId, change.title(), change.description(),
				change.tags(), ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(resource.getVersion())).body(ResourceView.of(resource));
	}

	/** Removes the resource and its file (those who may write it). */
	@DeleteMapping("/resources/{resourceId}")
	ResponseEntity<Void> remove(Caller caller, @PathVariable String resourceId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		library.remove(caller, resourceId, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/** The resource's file, with the type its bytes were found to be and the name it was uploaded with. */
	@GetMapping("/resources/{resourceId}/file")
	ResponseEntity<Resource> download(Caller caller, @PathVariable String resourceId) {
		LibraryResource resource = access.visible(caller, resourceId);
		StoredFile file = resource.getFile();
		Resource content = file == null ? null : files.read(file.fileId()).orElse(null);
		if (content == null) {
			throw new ResourceNotFoundException("library-resource-file", resourceId);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	/**
	 * The programme's and the instance's resources for a pair (its two members, its programme's runners
	 * and the members' stewards): in the reader's language first (a member's own, anyone else's
	 * {@code Accept-Language}), then by how many of the pair's goals their tags meet, then newest.
	 */
	@GetMapping("/mentorships/{mentorshipId}/resources")
	PageOf<ResourceView> suggested(Caller caller, @PathVariable String mentorshipId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
		Mentorship mentorship = mentorships.visible(caller, mentorshipId);
		List<LibraryResource> offered = new ArrayList<>(resources.findByProgrammeId(mentorship.getProgrammeId()));
		offered.addAll(resources.findByProgrammeIdIsNull());
		String reader = ResourceRules.readerLanguage(mentorships.memberOf(caller, mentorship)
			.flatMap(directory::languageOf)
			.orElse(LocaleContextHolder.getLocale().toLanguageTag()));
		return PageOf.slice(Suggestions.order(offered, goalsOf(mentorship), reader), page, size)
			.map(s -> ResourceView.of(s.resource(), s.goalsMet()));
	}

	/** The mentee's goals as her profile names them, and the goals the pair wrote down (dropped ones aside). */
	private List<Suggestions.PairGoal> goalsOf(Mentorship mentorship) {
		List<Suggestions.PairGoal> goals = new ArrayList<>();
		directory.participant(mentorship.getMenteeId())
			.filter(p -> p.getRole() == null || p.getRole() == Role.MENTEE)
			.map(Participant::getGoals)
			.orElse(List.of())
			.forEach(code -> goals.add(Suggestions.PairGoal.ofCode(code)));
		mentorship.getGoals()
			.stream()
			.filter(goal -> goal.getStatus() != Goal.Status.DROPPED)
			.forEach(goal -> goals.add(Suggestions.PairGoal.ofWords(goal.getTitle())));
		return goals;
	}

	private static ResponseEntity<ResourceView> created(LibraryResource resource) {
		return ResponseEntity.created(URI.create("/api/v1/resources/" + resource.getId()))
			.eTag(Versions.etag(resource.getVersion()))
			.body(ResourceView.of(resource));
	}

	/**
	 * A resource as the API shows it.
	 *
	 * @param programmeId absent for the instance's own resources
	 * @param organisationId the organisation that published it
	 * @param file absent for a link
	 * @param goalsMet in a pair's suggestions: how many of the pair's goals its tags meet
	 */
	record ResourceView(String id, String programmeId, String organisationId, String title, String description,
			String language, ResourceKind kind, List<String> tags, String url, FileView file, Instant createdAt,
			Instant updatedAt, Integer goalsMet, Long version) {

		static ResourceView of(LibraryResource r) {
			return of(r, null);
		}

		static ResourceView of(LibraryResource r, Integer goalsMet) {
			StoredFile f = r.getFile();
			return new ResourceView(r.getId(), r.getProgrammeId(), r.getOrganisationId(), r.getTitle(),
					r.getDescription(), r.getLanguage(), r.getKind(), r.getTags(), r.getUrl(),
					f == null ? null
							: new FileView(f.fileName(), f.contentType(), f.size(),
									"/api/v1/resources/" + r.getId() + "/file"),
					r.getCreatedAt(), r.getUpdatedAt(), goalsMet, r.getVersion());
		}

	}

	/** A resource's file: its name, type, size and where to download it. */
	record FileView(String name, String contentType, long size, String href) {
	}

}
