package com.kreativnomentorstvo.bench.load;

/**
 * A step repeated on a thread of its own, from when the loop is made until it is closed, and then a
 * last step on the same thread (closing the client it used).
 */
final class Loop implements AutoCloseable {

	private final Thread thread;

	private volatile boolean on = true;

	Loop(String name, Runnable step, Runnable last) {
		this.thread = new Thread(() -> {
			while (on) {
				step.run();
			}
			last.run();
		}, name);
		thread.start();
	}

	/** Stops after the step under way, and waits for the last step. */
	@Override
	public void close() throws InterruptedException {
		on = false;
		thread.join();
	}

}
