package com.kreativnomentorstvo.web.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;

/**
 * A programme's matching: its runs, a new run, and one run's review before it is published: each
 * proposed pair with its score and the per-criterion explanation, each mentee left unmatched with
 * the reason; running it again with pairs kept or left out, comparing two runs, and publishing,
 * which sends the proposals to the people.
 */
@Controller
class MatchingController {

	/** Statuses of an enrolment that may be paired: admitted, with or without a pair already. */
	private static final Set<String> ADMITTED = Set.of("ACCEPTED", "ACTIVE");

	private final Api api;

	MatchingController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{id}/matching")
	String runs(@PathVariable String id, Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		model.addAttribute("runs", api.page("/api/v1/programmes/{id}/matching-runs?size=20", id).items());
		List<Map<String, Object>> admitted = people(id).stream()
			.filter(person -> ADMITTED.contains(String.valueOf(person.get("status"))))
			.toList();
		model.addAttribute("mentors", admitted.stream().filter(p -> "MENTOR".equals(p.get("role"))).toList());
		model.addAttribute("mentees", admitted.stream().filter(p -> "MENTEE".equals(p.get("role"))).toList());
		return "matching/runs";
	}

	/**
	 * Pairs a mentor and a mentee by hand: a proposal both answer, or, when both have agreed already,
	 * a mentorship that starts at once.
	 */
	@PostMapping("/programmes/{id}/matching/by-hand")
	String byHand(@PathVariable String id, @RequestParam(defaultValue = "") String mentorId,
			@RequestParam(defaultValue = "") String menteeId, @RequestParam(defaultValue = "false") boolean startNow,
			Model model, RedirectAttributes redirect) {
		Map<String, Object> pair = new LinkedHashMap<>();
		pair.put("mentorId", mentorId);
		pair.put("menteeId", menteeId);
		pair.put("startNow", startNow);
		Attempt<?> attempt = Attempt.of(() -> api.post("/api/v1/programmes/{id}/matches", pair, id));
		if (attempt.refused()) {
			model.addAttribute("byHandProblem", attempt.refusal());
			model.addAttribute("typedPair", pair);
			return runs(id, model);
		}
		redirect.addFlashAttribute("done", startNow ? "matching.startedByHand" : "matching.proposedByHand");
		return "redirect:/programmes/" + id + "/matching";
	}

	@PostMapping("/programmes/{id}/matching")
	String run(@PathVariable String id) {
		Map<String, Object> run = api.post("/api/v1/programmes/{id}/matching-runs", Map.of(), id);
		return "redirect:/programmes/" + id + "/matching/" + run.get("id");
	}

	@GetMapping("/programmes/{id}/matching/{run}")
	String review(@PathVariable String id, @PathVariable String run, Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		model.addAttribute("run", api.get("/api/v1/programmes/{id}/matching-runs/{run}", id, run));
		model.addAttribute("names", names(id));
		model.addAttribute("otherRuns", api.page("/api/v1/programmes/{id}/matching-runs?size=20", id).items().stream()
			.filter(other -> !run.equals(other.get("id")))
			.toList());
		return "matching/run";
	}

	/**
	 * Runs the matching again on this run's people and profiles ({@code basedOn}), keeping the pairs
	 * the coordinator ticked and leaving out those she ruled out, on top of what this run kept and left
	 * out already. A pair both kept and left out is left out. Of the pairs declined before, those she
	 * ticked may be proposed again (the form shows each one's state, so what it sends is the whole list).
	 */
	@PostMapping("/programmes/{id}/matching/{run}/again")
	String again(@PathVariable String id, @PathVariable String run,
			@RequestParam(name = "keep", required = false) List<String> keep,
			@RequestParam(name = "avoid", required = false) List<String> avoid,
			@RequestParam(name = "lift", required = false) List<String> lift, Model model) {
		Map<String, Object> base = api.get("/api/v1/programmes/{id}/matching-runs/{run}", id, run);
		Set<String> avoided = new LinkedHashSet<>(pairsOf(base, "excludedPairs"));
		avoided.addAll(avoid == null ? List.of() : avoid);
		Set<String> kept = new LinkedHashSet<>(pairsOf(base, "lockedPairs"));
		kept.addAll(keep == null ? List.of() : keep);
		kept.removeAll(avoided);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("basedOn", run);
		request.put("lockedPairs", requested(kept));
		request.put("excludedPairs", requested(avoided));
		request.put("liftedDeclines", requested(new LinkedHashSet<>(lift == null ? List.of() : lift)));
		Attempt<Map<String, Object>> attempt = Attempt
			.of(() -> api.post("/api/v1/programmes/{id}/matching-runs", request, id));
		if (attempt.refused()) {
			model.addAttribute("againProblem", attempt.refusal());
			return review(id, run, model);
		}
		return "redirect:/programmes/" + id + "/matching/" + attempt.value().get("id");
	}

	/** This run beside another of the programme: the figures, the pairs both share, each mentee whose mentor differs. */
	@GetMapping("/programmes/{id}/matching/{run}/comparison")
	String comparison(@PathVariable String id, @PathVariable String run, @RequestParam(name = "with") String other,
			Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		model.addAttribute("comparison",
				api.get("/api/v1/programmes/{id}/matching-runs/{run}/comparison?with={other}", id, run, other));
		model.addAttribute("names", names(id));
		return "matching/comparison";
	}

	@PostMapping("/programmes/{id}/matching/{run}/publish")
	String publish(@PathVariable String id, @PathVariable String run, RedirectAttributes redirect) {
		api.post("/api/v1/programmes/{id}/matching-runs/{run}/publish", Map.of(), id, run);
		redirect.addFlashAttribute("done", "matching.published");
		return "redirect:/programmes/" + id + "/matching/" + run;
	}

	/** A run's kept or left-out pairs as the form writes them: {@code mentorId|menteeId}. */
	@SuppressWarnings("unchecked")
	private static List<String> pairsOf(Map<String, Object> run, String which) {
		List<String> pairs = new ArrayList<>();
		if (run.get("settings") instanceof Map<?, ?> settings && settings.get(which) instanceof List<?> list) {
			for (Object pair : list) {
				Map<String, Object> each = (Map<String, Object>) pair;
				pairs.add(each.get("mentorId") + "|" + each.get("menteeId"));
			}
		}
		return pairs;
	}

	/** The pairs as the API takes them; a value the form did not write is passed on for the API to refuse. */
	private static List<Map<String, String>> requested(Set<String> pairs) {
		List<Map<String, String>> requested = new ArrayList<>();
		for (String pair : pairs) {
			int bar = pair.indexOf('|');
			Map<String, String> each = new LinkedHashMap<>();
			each.put("mentorId", bar < 0 ? pair : pair.substring(0, bar));
			each.put("menteeId", bar < 0 ? "" : pair.substring(bar + 1));
			requested.add(each);
		}
		return requested;
	}

	/** The names of the programme's people by their enrolment, for the review (the run knows only ids). */
	private Map<String, Object> names(String programme) {
		Map<String, Object> names = new HashMap<>();
		people(programme).forEach(person -> names.put(String.valueOf(person.get("id")), person.get("displayName")));
		return names;
	}

	/** Everyone enrolled in the programme whom the coordinator may see, page after page. */
	private List<Map<String, Object>> people(String programme) {
		List<Map<String, Object>> people = new ArrayList<>();
		int page = 0;
		boolean more = true;
		while (more && page < 20) {
			var found = api.page("/api/v1/participants?programmeId={id}&size=100&page={page}", programme, page);
			people.addAll(found.items());
			more = found.hasNext();
			page++;
		}
		return people;
	}

}
