package com.kreativnomentorstvo.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * How large one request may be ({@code mentoring.gateway.limits}).
 *
 * @param requestBody the largest request body passed to a service; larger ones are refused with 413
 * @param pageSize the largest {@code size} a list request may ask for; larger ones are refused with 400
 */
@ConfigurationProperties("mentoring.gateway.limits")
@Validated
record LimitProperties(@DefaultValue("256KB") DataSize requestBody, @Min(1) @DefaultValue("100") int pageSize) {
}
