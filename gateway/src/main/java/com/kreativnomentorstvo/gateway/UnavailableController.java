package com.kreativnomentorstvo.gateway;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where an open circuit or a failed call lands: a 503 problem that names the service. */
@RestController
class UnavailableController {

	@RequestMapping("/unavailable/{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " is not available right now; try again shortly");
		problem.setType(URI.create("urn:mentoring:problem:service-unavailable"));
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header("Retry-After", "5")
			.body(problem);
	}

}
