package com.kreativnomentorstvo.participants.onboarding;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.participants.participant.EnrolmentForm;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.platform.web.PageOf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What anyone can do without an account: read the open calls, apply, confirm the address of an
 * application, and ask for a password reset. Each is rate limited per address and client.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
class OnboardingController {

	private final PublicCalls calls;

	private final Applying applying;

	private final AddressConfirmation confirmation;

	private final PasswordResets resets;

	OnboardingController(PublicCalls calls, Applying applying, AddressConfirmation confirmation,
			PasswordResets resets) {
		this.calls = calls;
		this.applying = applying;
		this.confirmation = confirmation;
		this.resets = resets;
	}

	/** What an application that waits for its address to be confirmed looks like to the applicant. */
	record Submitted(String participantId, String programmeId, String status, Instant confirmBy) {
	}

	/** The application whose address was confirmed: it counts now. */
	record Confirmed(String participantId, String programmeId, ParticipantStatus status) {
	}

	/** The link's token from the e-mail. */
	record LinkToken(@NotNull @Size(max = 200) String token) {
	}

	/** Whose password is to be reset. */
	record ResetRequest(@NotNull @EmailAddress String email) {
	}

	@GetMapping("/calls")
	PageOf<PublicCall> openCalls(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
		return calls.open(page, size);
	}

	@GetMapping("/calls/{programmeId}")
	PublicCall call(@PathVariable String programmeId) {
		return calls.open(programmeId);
	}

	/**
	 * Applies to a programme whose call is open: the profile, the answers to the programme's
	 * questions and the consent. The application counts once its address is confirmed through the
	 * link sent to it.
	 */
	@PostMapping("/applications")
	ResponseEntity<Submitted> apply(@Valid @RequestBody EnrolmentForm form, HttpServletRequest request) {
		Participant applied = applying.apply(form, ClientAddress.of(request));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/calls/" + applied.getProgrammeId()))
			.body(new Submitted(applied.getId(), applied.getProgrammeId(), "AWAITING_CONFIRMATION",
					applied.getPendingUntil()));
	}

	/** Confirms the address of an application with the token of the e-mailed link. */
	@PostMapping("/applications/confirmations")
	Confirmed confirm(@Valid @RequestBody LinkToken link) {
		Participant confirmed = confirmation.confirm(link.token());
		return new Confirmed(confirmed.getId(), confirmed.getProgrammeId(), confirmed.getStatus());
	}

	/** Sends a link to set a new password to the address, if an account with an enrolment has it. */
	@PostMapping("/account/password-resets")
	ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetRequest reset, HttpServletRequest request) {
		resets.request(reset.email(), ClientAddress.of(request));
		return ResponseEntity.accepted().build();
	}

}
