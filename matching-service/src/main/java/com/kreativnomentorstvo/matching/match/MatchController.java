package com.kreativnomentorstvo.matching.match;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PageOf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Matches: a programme's list and manual matching for coordinators; answers for the two people;
 * the end of a mentorship for coordinators. Each request goes to its use case.
 */
@RestController
class MatchController {

	private final VisibleMatches visible;

	private final MatchingByHand matchingByHand;

	private final AnsweringProposals answering;

	private final EndingMentorships ending;

	private final ExtendingMentorships extending;

	MatchController(VisibleMatches visible, MatchingByHand matchingByHand, AnsweringProposals answering,
			EndingMentorships ending, ExtendingMentorships extending) {
		this.visible = visible;
		this.matchingByHand = matchingByHand;
		this.answering = answering;
		this.ending = ending;
		this.extending = extending;
	}

	/** The programme's matches (a participant sees only her own). */
	@GetMapping("/api/v1/programmes/{programmeId}/matches")
	PageOf<MatchView> list(Caller caller, @PathVariable String programmeId,
			@RequestParam(required = false) MatchStatus status,
			@RequestParam(required = false) @Size(max = 100) String participantId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		VisibleMatches.MatchPage matches = visible.list(caller, programmeId, status, participantId, page, size);
		return new PageOf<>(matches.items().stream().map(MatchView::of).toList(), page, size, matches.total());
	}

	/** A coordinator pairs two people by hand. */
	@PostMapping("/api/v1/programmes/{programmeId}/matches")
	ResponseEntity<MatchView> matchByHand(Caller caller, @PathVariable String programmeId,
			@Valid @RequestBody ManualMatch request) {
		Match match = matchingByHand.match(caller, programmeId, request.mentorId(), request.menteeId(),
				Timestamps.parse(request.respondBy()), Boolean.TRUE.equals(request.startNow()));
		return ResponseEntity.created(URI.create("/api/v1/matches/" + match.getId())).body(MatchView.of(match));
	}

	@GetMapping("/api/v1/matches/{matchId}")
	MatchView get(Caller caller, @PathVariable String matchId) {
		return MatchView.of(visible.find(caller, matchId));
	}

	@PostMapping("/api/v1/matches/{matchId}/accept")
	MatchView accept(Caller caller, @PathVariable String matchId) {
		return MatchView.of(answering.accept(caller, matchId));
	}

	@PostMapping("/api/v1/matches/{matchId}/decline")
	MatchView decline(Caller caller, @PathVariable String matchId, @Valid @RequestBody(required = false) Decline request) {
		DeclineReason reason = request == null || request.reason() == null ? DeclineReason.OTHER : request.reason();
		return MatchView.of(answering.decline(caller, matchId, reason));
	}

	/** A coordinator ends a running mentorship. */
	@PostMapping("/api/v1/matches/{matchId}/end")
	MatchView end(Caller caller, @PathVariable String matchId, @Valid @RequestBody End request) {
		return MatchView.of(ending.end(caller, matchId, request.reason()));
	}

	/**
	 * A coordinator of the programme's organiser extends a running mentorship past the programme's
	 * close: it then ends (COMPLETED) on {@code until}, in the programme's time zone, instead of
	 * when the programme closes. {@code until} is after the programme's end and today, within a year
	 * of the end (422 naming it); extending again moves the day. Partners' coordinators: 403.
	 */
	@PostMapping("/api/v1/matches/{matchId}/extension")
	MatchView extend(Caller caller, @PathVariable String matchId, @Valid @RequestBody Extension request) {
		return MatchView.of(extending.extend(caller, matchId, request.until()));
	}

	/**
	 * @param respondBy the deadline for answers; the policy's number of days if absent
	 * @param startNow both already agreed: the mentorship starts at once
	 */
	record ManualMatch(@NotBlank @Size(max = 100) String mentorId, @NotBlank @Size(max = 100) String menteeId,
			@Pattern(regexp = Timestamps.PATTERN, message = "{field.timestamp}") String respondBy,
			Boolean startNow) {
	}

	record Decline(DeclineReason reason) {
	}

	record End(@NotNull EndReason reason) {
	}

	/** @param until the day the mentorship ends, in the programme's time zone */
	record Extension(@NotNull LocalDate until) {
	}

}
