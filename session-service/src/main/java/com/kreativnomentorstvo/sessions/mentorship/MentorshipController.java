package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.Stewardship;
import com.kreativnomentorstvo.sessions.web.Paged;
import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The pairs and their goals: {@code /api/v1/mentorships}. */
@RestController
@RequestMapping("/api/v1/mentorships")
class MentorshipController {

	private final Mentorships mentorships;

	private final MentorshipAccess access;

	private final Directory directory;

	private final ProgrammeDirectory programmes;

	private final Stewardship stewardship;

	private final MongoOperations mongo;

	private final Clock clock;

	private final SessionProperties.Limits limits;

	MentorshipController(Mentorships mentorships, MentorshipAccess access, Directory directory,
			ProgrammeDirectory programmes, Stewardship stewardship, MongoOperations mongo, Clock clock,
			SessionProperties properties) {
		this.mentorships = mentorships;
		this.access = access;
		this.directory = directory;
		this.programmes = programmes;
		this.stewardship = stewardship;
		this.mongo = mongo;
		this.clock = clock;
		this.limits = properties.limits();
	}

	/**
	 * A participant's own pairs, in every programme she is enrolled in; for a coordinator the pairs
	 * of the programmes her organisation runs, and of those it partners in the pairs with a member
	 * it stewards (optionally one programme's); an administrator's choice.
	 */
	@GetMapping
	Paged<MentorshipView> list(Caller caller, @RequestParam(required = false) String programmeId,
			@RequestParam(required = false) Mentorship.Status status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		List<Criteria> filters = new ArrayList<>();
		if (caller.isAdmin()) {
			// administrators see every pair
		}
		else if (caller.isCoordinator()) {
			filters.add(coordinatedBy(caller, programmeId));
		}
		else if (caller.isParticipant()) {
			// the pairs of every enrolment she holds
			filters.add(new Criteria().orOperator(Criteria.where("mentorId").in(caller.participantIds()),
					Criteria.where("menteeId").in(caller.participantIds())));
		}
		else {
			return new Paged<>(List.of(), page, size, 0);
		}
		if (programmeId != null) {
			filters.add(Criteria.where("programmeId").is(programmeId));
		}
		if (status != null) {
			filters.add(Criteria.where("status").is(status));
		}
		Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
		long total = mongo.count(query, Mentorship.class);
		List<Mentorship> found = mongo.find(query.with(PageRequest.of(page, size, Sort.by("startedAt", "_id"))),
				Mentorship.class);
		return new Paged<>(found.stream().map(mentorship -> view(mentorship, caller)).toList(), page, size, total);
	}

	/** The pairs a coordinator sees: all of the programmes she runs, those with a member she stewards of the others. */
	private Criteria coordinatedBy(Caller caller, String onlyProgrammeId) {
		List<Criteria> visible = new ArrayList<>();
		for (String programmeId : programmes.runOrPartneredBy(caller.organisationId())) {
			if (onlyProgrammeId != null && !onlyProgrammeId.equals(programmeId)) {
				continue;
			}
			if (stewardship.runs(caller, programmeId, null)) {
				visible.add(Criteria.where("programmeId").is(programmeId));
			}
			else {
				Set<String> stewarded = stewardship.stewardedIn(caller, programmeId);
				if (!stewarded.isEmpty()) {
					visible.add(new Criteria().andOperator(Criteria.where("programmeId").is(programmeId),
							new Criteria().orOperator(Criteria.where("mentorId").in(stewarded),
									Criteria.where("menteeId").in(stewarded))));
				}
			}
		}
		// nothing is visible: a criterion no document meets
		return visible.isEmpty() ? Criteria.where("_id").in(List.of()) : new Criteria().orOperator(visible);
	}

	@GetMapping("/{id}")
	ResponseEntity<MentorshipView> get(Caller caller, @PathVariable String id) {
		Mentorship mentorship = access.visible(caller, id);
		return ResponseEntity.ok().eTag(String.valueOf(mentorship.getVersion())).body(view(mentorship, caller));
	}

	@GetMapping("/{id}/goals")
	List<Goal> goals(Caller caller, @PathVariable String id) {
		Mentorship mentorship = access.visible(caller, id);
		return goalsFor(mentorship, caller);
	}

	/** The pair's goals; without descriptions and check-in notes for those outside the pair and its stewards. */
	private List<Goal> goalsFor(Mentorship mentorship, Caller caller) {
		return access.seesPrivateParts(caller, mentorship) ? mentorship.getGoals()
				: mentorship.getGoals().stream().map(Goal::withoutNotes).toList();
	}

	/** A goal the pair agreed on. */
	record NewGoal(@NotBlank @Size(max = 300) @PlainText String title,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String description) {
	}

	@PostMapping("/{id}/goals")
	@ResponseStatus(HttpStatus.CREATED)
	Goal addGoal(Caller caller, @PathVariable String id, @Valid @RequestBody NewGoal request) {
		MentorshipAccess.Member member = access.asWritingMember(caller, id);
		Mentorship mentorship = member.mentorship();
		Goal goal = mentorship.addGoal(member.participantId(), request.title().strip(), request.description(), now(),
				limits.goalsPerMentorship());
		mentorships.save(mentorship);
		return goal;
	}

	/** Changes to a goal; absent fields stay as they are. */
	record GoalChange(@Size(min = 1, max = 300) @PlainText String title,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String description,
			Goal.Status status) {
	}

	@PatchMapping("/{id}/goals/{goalId}")
	Goal reviseGoal(Caller caller, @PathVariable String id, @PathVariable String goalId,
			@Valid @RequestBody GoalChange change) {
		Mentorship mentorship = access.asWritingMember(caller, id).mentorship();
		Goal goal = mentorship.reviseGoal(goalId, change.title(), change.description(), change.status());
		mentorships.save(mentorship);
		return goal;
	}

	/** How far a goal has come. */
	record NewCheckIn(@NotNull @Min(0) @Max(100) Integer progress,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String note) {
	}

	@PostMapping("/{id}/goals/{goalId}/check-ins")
	@ResponseStatus(HttpStatus.CREATED)
	CheckIn checkIn(Caller caller, @PathVariable String id, @PathVariable String goalId,
			@Valid @RequestBody NewCheckIn request) {
		MentorshipAccess.Member member = access.asWritingMember(caller, id);
		Mentorship mentorship = member.mentorship();
		CheckIn checkIn = mentorship.checkIn(goalId, member.participantId(), request.progress(), request.note(), now(),
				limits.checkInsPerMentorship());
		mentorships.save(mentorship);
		return checkIn;
	}

	private Instant now() {
		return clock.instant();
	}

	private MentorshipView view(Mentorship mentorship, Caller caller) {
		Map<String, String> names = directory.displayNames(List.of(mentorship.getMentorId(), mentorship.getMenteeId()));
		return MentorshipView.of(mentorship, goalsFor(mentorship, caller), names, directory.timeZones(
				List.of(mentorship.getMentorId(), mentorship.getMenteeId())));
	}

}
