package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.web.Paged;

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

	private final MongoOperations mongo;

	private final Clock clock;

	MentorshipController(Mentorships mentorships, MentorshipAccess access, Directory directory,
			ProgrammeDirectory programmes, MongoOperations mongo, Clock clock) {
		this.mentorships = mentorships;
		this.access = access;
		this.directory = directory;
		this.programmes = programmes;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * A participant's own pairs, in every programme she is enrolled in; a coordinator's programmes'
	 * pairs (optionally one programme's);
	 * an administrator's choice.
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
			filters.add(Criteria.where("programmeId").in(programmes.runOrPartneredBy(caller.organisationId())));
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
		return new Paged<>(found.stream().map(this::view).toList(), page, size, total);
	}

	@GetMapping("/{id}")
	ResponseEntity<MentorshipView> get(Caller caller, @PathVariable String id) {
		Mentorship mentorship = access.visible(caller, id);
		return ResponseEntity.ok().eTag(String.valueOf(mentorship.getVersion())).body(view(mentorship));
	}

	@GetMapping("/{id}/goals")
	List<Goal> goals(Caller caller, @PathVariable String id) {
		return access.visible(caller, id).getGoals();
	}

	/** A goal the pair agreed on. */
	record NewGoal(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description) {
	}

	@PostMapping("/{id}/goals")
	@ResponseStatus(HttpStatus.CREATED)
	Goal addGoal(Caller caller, @PathVariable String id, @Valid @RequestBody NewGoal request) {
		MentorshipAccess.Member member = access.asMember(caller, id);
		Mentorship mentorship = member.mentorship();
		Goal goal = mentorship.addGoal(member.participantId(), request.title().strip(), request.description(), now());
		mentorships.save(mentorship);
		return goal;
	}

	/** Changes to a goal; absent fields stay as they are. */
	record GoalChange(@Size(min = 1, max = 300) String title, @Size(max = 4000) String description,
			Goal.Status status) {
	}

	@PatchMapping("/{id}/goals/{goalId}")
	Goal reviseGoal(Caller caller, @PathVariable String id, @PathVariable String goalId,
			@Valid @RequestBody GoalChange change) {
		Mentorship mentorship = access.asMember(caller, id).mentorship();
		Goal goal = mentorship.reviseGoal(goalId, change.title(), change.description(), change.status());
		mentorships.save(mentorship);
		return goal;
	}

	/** How far a goal has come. */
	record NewCheckIn(@NotNull @Min(0) @Max(100) Integer progress, @Size(max = 4000) String note) {
	}

	@PostMapping("/{id}/goals/{goalId}/check-ins")
	@ResponseStatus(HttpStatus.CREATED)
	CheckIn checkIn(Caller caller, @PathVariable String id, @PathVariable String goalId,
			@Valid @RequestBody NewCheckIn request) {
		MentorshipAccess.Member member = access.asMember(caller, id);
		Mentorship mentorship = member.mentorship();
		CheckIn checkIn = mentorship.checkIn(goalId, member.participantId(), request.progress(), request.note(), now());
		mentorships.save(mentorship);
		return checkIn;
	}

	private Instant now() {
		return clock.instant();
	}

	private MentorshipView view(Mentorship mentorship) {
		Map<String, String> names = directory.displayNames(List.of(mentorship.getMentorId(), mentorship.getMenteeId()));
		return MentorshipView.of(mentorship, names, directory.timeZones(
				List.of(mentorship.getMentorId(), mentorship.getMenteeId())));
	}

}
