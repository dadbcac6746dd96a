package com.kreativnomentorstvo.participants.participant;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.participants.validation.Code;
import com.kreativnomentorstvo.participants.validation.CountryCode;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Participants: applications, enrolments, profiles, reviews and withdrawals. Each answer shows a
 * participant as the caller may see her ({@link ParticipantAccess#visibility}): whole to herself
 * and her steward, as her profile card to the programme's other coordinators.
 */
@RestController
@RequestMapping("/api/v1/participants")
@Validated
class ParticipantController {

	private final Enrolment enrolment;

	private final Admissions admissions;

	private final ParticipantSearch search;

	private final ParticipantAccess access;

	private final ProgrammeAccess programmes;

	ParticipantController(Enrolment enrolment, Admissions admissions, ParticipantSearch search,
			ParticipantAccess access, ProgrammeAccess programmes) {
		this.enrolment = enrolment;
		this.admissions = admissions;
		this.search = search;
		this.access = access;
		this.programmes = programmes;
	}

	/** An optional note on accepting; kept with the review, never published. */
	record Acceptance(@Size(max = 2000) @PlainText(multiline = true) String note) {
	}

	/**
	 * Why an application is rejected: a code she is told in her language, and a note kept with the
	 * review for the coordinators, never published or sent.
	 */
	record Rejection(@Pattern(regexp = "PROGRAMME_FULL|NOT_ELIGIBLE|INCOMPLETE_APPLICATION|OTHER",
			message = "{participant.rejection-reason}") String reasonCode,
			@NotNull @Size(max = 2000) @PlainText(multiline = true) String reason) {
	}

	/** Why she withdraws, as a code: {@code PERSONAL}, {@code OTHER}, or (coordinators) {@code REMOVED}. */
	record Withdrawal(@Pattern(regexp = "PERSONAL|OTHER|REMOVED", message = "{participant.withdrawal-reason-removable}")
	String reason) {
	}

	@PostMapping
	ResponseEntity<ParticipantView> enrol(@Valid @RequestBody EnrolmentForm form, Caller caller) {
		Participant participant = enrolment.enrol(form, caller);
		return ResponseEntity.created(URI.create("/api/v1/participants/" + participant.getId()))
			.eTag(Versions.etag(participant.getVersion()))
			.body(view(participant, caller));
	}

	@GetMapping
	PageOf<ParticipantView> list(@RequestParam(required = false) @ResourceId String programmeId,
			@RequestParam(required = false) Role role, @RequestParam(required = false) @CountryCode String country,
			@RequestParam(required = false) @ResourceId String organisationId,
			@RequestParam(required = false) @Code String skill,
			@RequestParam(required = false) ParticipantStatus status,
			@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
		ParticipantFilter filter = new ParticipantFilter(programmeId, role, country, organisationId, skill, status, q);
		// one look-up of each programme on the page, not one per participant
		Map<String, Programme> programmes = new HashMap<>();
		return search.find(caller, filter, page, size).map(participant -> {
			Programme programme = programmes.computeIfAbsent(participant.getProgrammeId(), this.programmes::existing);
			return ParticipantView.of(participant, access.stewards(caller, programme, participant)
					? ParticipantAccess.Visibility.STEWARD : access.isSelf(caller, participant)
							? ParticipantAccess.Visibility.SELF : ParticipantAccess.Visibility.CARD);
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<ParticipantView> get(@PathVariable String id, Caller caller) {
		return respond(access.readableBy(caller, id), caller);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ParticipantView> change(@PathVariable String id, @Valid @RequestBody ParticipantChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(enrolment.revise(id, changes, ifMatch, caller), caller);
	}

	@PostMapping("/{id}/accept")
	ResponseEntity<ParticipantView> accept(@PathVariable String id,
			@Valid @RequestBody(required = false) Acceptance acceptance,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(admissions.accept(id, acceptance == null ? null : acceptance.note(), ifMatch, caller), caller);
	}

	@PostMapping("/{id}/reject")
	ResponseEntity<ParticipantView> reject(@PathVariable String id, @Valid @RequestBody Rejection rejection,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(admissions.reject(id, rejection.reasonCode(), rejection.reason(), ifMatch, caller), caller);
	}

	/** Sends an admitted or invited person the link to set her password again; the earlier link stops working. */
	@PostMapping("/{id}/invitation")
	ResponseEntity<ParticipantView> resendInvitation(@PathVariable String id, Caller caller) {
		return respond(admissions.resendInvitation(id, caller), caller);
	}

	/**
	 * The invited person completes her enrolment: her profile, her consent and her answers to the
	 * programme's questions (the programme, role and organisation are those of the invitation).
	 */
	@PostMapping("/{id}/enrolment")
	ResponseEntity<ParticipantView> completeInvitation(@PathVariable String id, @Valid @RequestBody EnrolmentForm form,
			Caller caller) {
		return respond(enrolment.completeInvitation(id, form, caller), caller);
	}

	@PostMapping("/{id}/activate")
	ResponseEntity<ParticipantView> activate(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(admissions.activate(id, ifMatch, caller), caller);
	}

	@PostMapping("/{id}/withdraw")
	ResponseEntity<ParticipantView> withdraw(@PathVariable String id,
			@Valid @RequestBody(required = false) Withdrawal withdrawal,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(enrolment.withdraw(id, withdrawal == null ? null : withdrawal.reason(), ifMatch, caller), caller);
	}

	private ResponseEntity<ParticipantView> respond(Participant participant, Caller caller) {
		return ResponseEntity.ok().eTag(Versions.etag(participant.getVersion())).body(view(participant, caller));
	}

	private ParticipantView view(Participant participant, Caller caller) {
		return ParticipantView.of(participant, access.visibility(caller, participant));
	}

}
