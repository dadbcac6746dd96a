package com.kreativnomentorstvo.participants.programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.Versions;

/** Sets up and changes programmes. */
@Service
class ProgrammeCatalogue {

	private final Programmes programmes;

	private final ProgrammeAccess access;

	private final ProgrammeRules rules;

	private final Participation participation;

	private final Clock clock;

	private final int closingDays;

	ProgrammeCatalogue(Programmes programmes, ProgrammeAccess access, OrganisationDirectory organisations,
			Participation participation, ParticipantServiceProperties properties, Clock clock) {
		this.programmes = programmes;
		this.access = access;
		this.rules = new ProgrammeRules(organisations);
		this.participation = participation;
		this.closingDays = properties.statuses().closingDays();
		this.clock = clock;
	}

	Programme create(ProgrammeForm form, Caller caller) {
		boolean organiser = caller.isCoordinator() && form.organiserId().equals(caller.organisationId());
		if (!caller.isAdmin() && !organiser) {
			throw new AccessDeniedException("only administrators and the organiser's coordinators set up programmes");
		}
		if (form.id() != null && !caller.isAdmin()) {
			throw new InvalidFieldsException("id", ProblemText.of("participant.ids-for-imports"));
		}
		String id = form.id() != null ? form.id() : Ids.next("prog");
		if (programmes.existsById(id)) {
			throw new ConflictException("already-exists", ProblemText.of("programme.programme-id-already-exists", id));
		}
		ProgrammeDraft draft = form.toDraft();
		rules.check(form.organiserId(), draft);
		return programmes.save(Programme.create(id, form.organiserId(), draft, clock.instant(), closingDays));
	}

	Programme revise(String id, ProgrammeChanges changes, String ifMatch, Caller caller) {
		Programme programme = access.organisedBy(caller, id);
		programme.requireEditable();
		Versions.requireMatch(ifMatch, programme.getVersion(), "programme");
		return save(programme, changes.applyTo(programme.draft()));
	}

	Programme addMilestone(String id, MilestoneForm milestone, String ifMatch, Caller caller) {
		Programme programme = access.organisedBy(caller, id);
		programme.requireEditable();
		Versions.checkMatch(ifMatch, programme.getVersion(), "programme");
		List<Milestone> milestones = new ArrayList<>(programme.getMilestones());
		if (milestones.contains(milestone.toMilestone())) {
			throw new ConflictException("already-exists", ProblemText.of("programme.programme-already-milestone"));
		}
		milestones.add(milestone.toMilestone());
		String added = "milestones[" + (milestones.size() - 1) + "].";
		try {
			return save(programme, programme.draft().withMilestones(milestones));
		}
		catch (InvalidFieldsException ex) {
			// name the fields of the body that was sent, not of the list it joined
			throw new InvalidFieldsException(ex.problems()
				.stream()
				.map(p -> p.field().startsWith(added)
						? new InvalidFieldsException.FieldProblem(p.field().substring(added.length()), p.text()) : p)
				.toList());
		}
	}

	Programme replaceMilestones(String id, List<MilestoneForm> milestones, String ifMatch, Caller caller) {
		Programme programme = access.organisedBy(caller, id);
		programme.requireEditable();
		Versions.requireMatch(ifMatch, programme.getVersion(), "programme");
		return save(programme,
				programme.draft().withMilestones(milestones.stream().map(MilestoneForm::toMilestone).toList()));
	}

	/** Replaces the programme's public call: its organiser's coordinators and administrators. */
	Programme publishCall(String id, CallForm form, String ifMatch, Caller caller) {
		Programme programme = access.organisedBy(caller, id);
		programme.requireEditable();
		Versions.checkMatch(ifMatch, programme.getVersion(), "programme");
		Call call = form.toCall();
		CallRules.check(call, programme.getLanguages());
		return programme.publishCall(call, clock.instant()) ? persist(programme) : programme;
	}

	private Programme save(Programme programme, ProgrammeDraft draft) {
		rules.check(programme.getOrganiserId(), draft);
		Set<String> dropped = new TreeSet<>(programme.getTaxonomy());
		dropped.removeAll(draft.taxonomy());
		dropped.retainAll(participation.codesInUse(programme.getId()));
		if (!dropped.isEmpty()) {
			throw new InvalidFieldsException("taxonomy", ProblemText.of("programme.still-chosen-participants", String.join(", ", dropped)));
		}
		return programme.revise(draft, clock.instant(), closingDays) ? persist(programme) : programme;
	}

	private Programme persist(Programme programme) {
		try {
			return programmes.save(programme);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new PreconditionFailedException(ProblemText.of("programme.programme-changed-someone-else"));
		}
	}

}
