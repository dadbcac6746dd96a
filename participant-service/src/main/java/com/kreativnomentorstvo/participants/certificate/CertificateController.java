package com.kreativnomentorstvo.participants.certificate;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.onboarding.ClientAddress;
import com.kreativnomentorstvo.participants.onboarding.RequestLimits;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.security.PublicPaths;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Participation certificates: a participant's list and PDFs (herself, her programme's coordinators,
 * administrators), and the public verification of a certificate's code (no token, rate limited per
 * client).
 */
@RestController
@RequestMapping("/api/v1")
@Validated
class CertificateController {

	private static final MediaType PDF = MediaType.APPLICATION_PDF;

	private final CertificateLookup lookup;

	private final RequestLimits limits;

	private final ParticipantServiceProperties.Certificates settings;

	CertificateController(CertificateLookup lookup, RequestLimits limits, ParticipantServiceProperties properties) {
		this.lookup = lookup;
		this.limits = limits;
		this.settings = properties.certificates();
	}

	@Operation(summary = "Her participation certificates",
			description = "One per programme in which a mentorship of hers ended COMPLETED. For herself, the "
					+ "programme's coordinators and administrators; anyone else gets 404.")
	@GetMapping("/participants/{id}/certificates")
	List<CertificateLookup.CertificateView> certificates(@PathVariable String id, Caller caller) {
		return lookup.hers(caller, id);
	}

	@Operation(summary = "Her certificate of a programme as a PDF",
			description = "In her preferred language unless ?lang= or Accept-Language asks for another of en, "
					+ "sr-Latn, sr-Cyrl, hr, mk, sl. 404 when she has no certificate of the programme.")
	@ApiResponse(responseCode = "200", description = "the certificate",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/participants/{id}/certificates/{programmeId}")
	ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String programmeId,
			@Parameter(description = "one of en, sr-Latn, sr-Cyrl, hr, mk, sl") @RequestParam(required = false) @MessageLocale String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage, Caller caller) {
		CertificateLookup.Pdf pdf = lookup.pdf(caller, id, programmeId, lang, acceptLanguage);
		return ResponseEntity.ok()
			.contentType(PDF)
			.header(HttpHeaders.CONTENT_LANGUAGE, pdf.language().toLanguageTag())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(pdf.filename()).build().toString())
			.body(pdf.bytes());
	}

	@Operation(summary = "Checks a certificate by its code (no token)",
			description = "The person's name, the programme's name, her role, the completion date and the issuing "
					+ "organisations; 404 for a code no certificate has. Rate limited per client (429 with Retry-After).")
	@SecurityRequirements
	@GetMapping("/certificates/{code}")
	CertificateLookup.Verification verify(@PathVariable String code,
			@Parameter(description = "the programme's name in one of en, sr-Latn, sr-Cyrl, hr, mk, sl") @RequestParam(required = false) @MessageLocale String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
			HttpServletRequest request) {
		limits.countFromClient("certificate-verification", ClientAddress.of(request),
				settings.verificationsPerClient(), settings.verificationPeriod());
		return lookup.verify(code, lang, acceptLanguage);
	}

	/** The verification needs no token: a code is all one has, printed on the certificate. */
	@Configuration(proxyBeanMethods = false)
	static class PublicVerification {

		@Bean
		PublicPaths certificateVerification() {
			return PublicPaths.of("/api/v1/certificates/*");
		}

	}

}
