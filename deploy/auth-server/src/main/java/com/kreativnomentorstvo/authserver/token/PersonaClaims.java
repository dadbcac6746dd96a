package com.kreativnomentorstvo.authserver.token;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.authserver.persona.Persona;
import com.kreativnomentorstvo.authserver.persona.Personas;

/**
 * Puts the claims of {@code deploy/demo-personas.md} into every token: {@code sub} = username, {@code org},
 * {@code roles}, {@code participant_id} (mentors and mentees only), and {@code aud} on access tokens.
 */
@Component
class PersonaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ORG = "org";

	static final String ROLES = "roles";

	static final String PARTICIPANT_ID = "participant_id";

	private final Personas personas;

	private final TokenProperties properties;

	PersonaClaims(Personas personas, TokenProperties properties) {
		this.personas = personas;
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		String username = usernameOf(context);
		Persona persona = personas.find(username)
			.orElseThrow(() -> new IllegalStateException("no persona named " + username + " to issue a token for"));
		JwtClaimsSet.Builder claims = context.getClaims();
		claims.subject(persona.username()).claim(ORG, persona.org()).claim(ROLES, persona.roles());
		if (persona.participantId() != null) {
			claims.claim(PARTICIPANT_ID, persona.participantId());
		}
		if (accessToken) {
			// the ID token keeps its own audience, the client id, as OIDC requires
			claims.audience(List.of(properties.audience()));
		}
	}

	private static String usernameOf(JwtEncodingContext context) {
		// a persona's client_credentials token speaks for the persona, whose client id is the username
		return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
				? context.getRegisteredClient().getClientId() : context.getPrincipal().getName();
	}

}
