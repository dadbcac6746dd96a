package com.kreativnomentorstvo.notifications.inbox;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list, as every list of the platform answers: {@code {items, page, size, total}}.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	public static <S, T> PageOf<T> of(Page<S> page, Function<S, T> view) {
		return new PageOf<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements());
	}

}
