package com.kreativnomentorstvo.authserver.admin;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.authserver.account.Account;
import com.kreativnomentorstvo.authserver.account.Accounts;
import com.kreativnomentorstvo.authserver.account.PasswordRule;
import com.kreativnomentorstvo.authserver.account.Roles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Accounts as the platform (participant-service) manages them: look up, create without a password, set a password,
 * change access, delete. Only for tokens with the {@code accounts} scope (see {@link AdminSecurity}).
 */
@RestController
@RequestMapping("/admin/accounts")
class AccountsApi {

	private static final String LOCALE = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*";

	private final Accounts accounts;

	AccountsApi(Accounts accounts) {
		this.accounts = accounts;
	}

	/** The account with the address (compared without case): a list of none or one. */
	@GetMapping
	List<AccountView> byEmail(@RequestParam String email) {
		return accounts.findByEmail(email).map(AccountView::of).stream().toList();
	}

	@GetMapping("/{id}")
	AccountView one(@PathVariable String id) {
		return accounts.find(id).map(AccountView::of).orElseThrow(() -> NotFound.account(id));
	}

	/** An enabled account without a password; 409 if another account has the address. */
	@PostMapping
	ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount body) {
		Account account = accounts.create(body.email(), body.displayName(), body.locale() == null ? "en" : body.locale(),
				body.organisationId(), body.roles(), null);
		return ResponseEntity.created(URI.create("/admin/accounts/" + account.id())).body(AccountView.of(account));
	}

	@PutMapping("/{id}/password")
	ResponseEntity<Void> setPassword(@PathVariable String id, @Valid @RequestBody NewPassword body) {
		PasswordRule.violation(body.password()).ifPresent(violation -> {
			throw new InvalidField("password", violation);
		});
		if (!accounts.setPassword(id, body.password())) {
			throw NotFound.account(id);
		}
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/access")
	ResponseEntity<Void> changeAccess(@PathVariable String id, @Valid @RequestBody Access body) {
		if (!accounts.changeAccess(id, body.organisationId(), body.roles(), body.enabled())) {
			throw NotFound.account(id);
		}
		return ResponseEntity.noContent().build();
	}

	/** 204 also when there is no such account (any more). */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		accounts.delete(id);
		return ResponseEntity.noContent().build();
	}

	record AccountView(String id, String email, String displayName, String locale, String organisationId,
			List<String> roles, boolean enabled, boolean passwordSet) {

		static AccountView of(Account account) {
			return new AccountView(account.id(), account.email(), account.displayName(), account.locale(),
					account.organisationId(), account.roles(), account.enabled(), account.passwordSet());
		}

	}

	record NewAccount(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
			@Size(max = 35) @Pattern(regexp = LOCALE) String locale, @NotBlank @Size(max = 100) String organisationId,
			@NotNull List<@NotNull @Pattern(regexp = Roles.PATTERN) String> roles) {
	}

	record NewPassword(@NotNull String password) {

		@Override
		public String toString() {
			return "NewPassword[...]";
		}

	}

	record Access(@NotBlank @Size(max = 100) String organisationId,
			@NotNull List<@NotNull @Pattern(regexp = Roles.PATTERN) String> roles, @NotNull Boolean enabled) {
	}

}
