package com.kreativnomentorstvo.platform.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list, as every list of the API answers it: {@code {items, page, size, total}}.
 *
 * @param items the page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items all pages hold
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	/** The largest page a caller may ask for. */
	public static final int MAX_SIZE = 100;

	/** A page of the store's answer, each item turned into what the API shows. */
	public static <S, T> PageOf<T> of(Page<S> page, Function<? super S, ? extends T> view) {
		return new PageOf<>(page.getContent().stream().<T>map(view).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements());
	}

	/** This page with its items translated. */
	public <R> PageOf<R> map(Function<? super T, ? extends R> mapper) {
		return new PageOf<>(items.stream().<R>map(mapper).toList(), page, size, total);
	}

	/** A page cut from a complete, ordered list (for the few lists small enough to filter in memory). */
	public static <T> PageOf<T> slice(List<T> all, int page, int size) {
		long from = Math.min((long) page * size, all.size());
		long to = Math.min(from + size, all.size());
		return new PageOf<>(List.copyOf(all.subList((int) from, (int) to)), page, size, all.size());
	}

}
