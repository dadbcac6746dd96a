package com.kreativnomentorstvo.samplethreads.feature;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A feature with a hand-made thread pool and thread. */
public class MakesItsOwnThreads {

	public ExecutorService pool() {
		return Executors.newFixedThreadPool(2);
	}

	public Thread thread(Runnable work) {
		return new Thread(work, "hand-made");
	}

}
