package com.kreativnomentorstvo.sessions.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list, as every list of the API answers: items, page, size and total. */
public record Paged<T>(List<T> items, int page, int size, long total) {

	public static <S, T> Paged<T> of(Page<S> page, Function<S, T> view) {
		return new Paged<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements());
	}

	/** A page cut from a list already in memory. */
	public static <T> Paged<T> slice(List<T> all, int page, int size) {
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new Paged<>(List.copyOf(all.subList(from, to)), page, size, all.size());
	}

}
