package com.kreativnomentorstvo.participants.account;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An account's password, set through the link of an invitation, an admission or a reset (no token needed). */
@RestController
@RequestMapping("/api/v1/account")
@Validated
class AccountController {

	private final Passwords passwords;

	AccountController(Passwords passwords) {
		this.passwords = passwords;
	}

	/** The link's token and the new password. */
	record NewPassword(@NotNull @Size(max = 200) String token, @NotNull @Size(max = 1000) String password) {
	}

	@PostMapping("/password")
	ResponseEntity<Void> setPassword(@Valid @RequestBody NewPassword body) {
		passwords.set(body.token(), body.password());
		return ResponseEntity.noContent().build();
	}

}
