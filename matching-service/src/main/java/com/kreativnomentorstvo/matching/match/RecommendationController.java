package com.kreativnomentorstvo.matching.match;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.matching.scoring.ExplanationView;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Self-match: a mentee's recommended mentors, and her request for one. */
@RestController
class RecommendationController {

	private final Recommendations recommendations;

	private final RequestingAMentor requesting;

	RecommendationController(Recommendations recommendations, RequestingAMentor requesting) {
		this.recommendations = recommendations;
		this.requesting = requesting;
	}

	@GetMapping("/api/v1/participants/{participantId}/recommendations")
	RecommendationPage recommend(Caller caller, @PathVariable String participantId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int size) {
		Recommendations.Page found = recommendations.recommend(caller, participantId, page, size);
		return new RecommendationPage(found.items().stream().map(r -> {
			ExplanationView explanation = ExplanationView.of(r.explanation());
			return new RecommendationView(r.mentorId(), explanation.score(), r.freePlaces(), explanation.contributions(),
					explanation.constraintsMet());
		}).toList(), page, size, found.total(), found.canRequest());
	}

	/** The mentee asks for a mentor; the mentor accepts or declines the resulting match. */
	@PostMapping("/api/v1/participants/{participantId}/match-requests")
	ResponseEntity<MatchView> request(Caller caller, @PathVariable String participantId,
			@Valid @RequestBody MatchRequest request) {
		Match match = requesting.request(caller, participantId, request.mentorId());
		return ResponseEntity.created(URI.create("/api/v1/matches/" + match.getId())).body(MatchView.of(match));
	}

	record MatchRequest(@NotBlank @Size(max = 100) String mentorId) {
	}

	record RecommendationView(String mentorId, BigDecimal score, int freePlaces, List<ExplanationView.Line> contributions,
			List<String> constraintsMet) {
	}

	record RecommendationPage(List<RecommendationView> items, int page, int size, long total, boolean canRequest) {
	}

}
