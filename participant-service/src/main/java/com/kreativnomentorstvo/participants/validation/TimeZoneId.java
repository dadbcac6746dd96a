package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An IANA time-zone name, e.g. {@code Europe/Belgrade}; fixed offsets such as {@code +01:00} and
 * legacy aliases such as {@code CET} are refused. */
@Documented
@Constraint(validatedBy = TimeZoneId.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

	String message() default "{validation.time-zone}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks membership in the JDK's time-zone database. */
	class Check implements ConstraintValidator<TimeZoneId, String> {

		private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

		// Area/Location names (and UTC); legacy aliases such as CET or EST5EDT are refused
		private static final Pattern REGION = Pattern.compile("UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || ZONES.contains(value) && REGION.matcher(value).matches();
		}

	}

}
