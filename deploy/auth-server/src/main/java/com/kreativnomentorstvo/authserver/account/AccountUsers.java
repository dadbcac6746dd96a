package com.kreativnomentorstvo.authserver.account;

import java.util.Optional;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may sign in on the login form: an account by its e-mail address (or a demo persona by its username) that is
 * enabled and has a password. The signed-in principal's name is the account id, which the tokens carry as
 * {@code sub}.
 */
@Component
class AccountUsers implements UserDetailsService {

	private final Accounts accounts;

	AccountUsers(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		String name = login == null ? "" : login.strip();
		Optional<Account> account = name.contains("@") ? accounts.findByEmail(name) : accounts.findByUsername(name);
		// a disabled account or one without a password looks like an unknown one: the form says no more than "wrong"
		return account.filter(Account::maySignIn)
			.map(found -> User.withUsername(found.id())
				.password(found.passwordHash())
				.roles(found.roles().stream().map(String::toUpperCase).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no account may sign in with this login"));
	}

}
