package com.kreativnomentorstvo.platform.messaging;

/**
 * A handler failed with an {@link Error} that concerns the record it was applying, not the process:
 * an assertion, a stack overflow, a class that cannot be loaded. It becomes a failure like any other
 * (retried a few times, then parked on the dead-letter topic, from where it can be replayed once the
 * handler is mended), rather than an error that stops the consumer for every later record. Errors of
 * the virtual machine itself (out of memory, internal errors) are not wrapped: they stop the
 * consumer, and its liveness check says so, so that the process is restarted.
 */
final class HandlerError extends RuntimeException {

	private HandlerError(Error cause) {
		super("the handler failed with " + cause, cause);
	}

	/** Runs the handler, an {@code Error} of the record's own turned into a failure of it. */
	static void guard(Runnable handler) {
		try {
			handler.run();
		}
		catch (StackOverflowError recordLevel) {
			throw new HandlerError(recordLevel); // a VirtualMachineError, but one handler's deep recursion
		}
		catch (VirtualMachineError fatal) {
			throw fatal;
		}
		catch (Error recordLevel) {
			throw new HandlerError(recordLevel); // an assertion, a class that cannot load, ...
		}
	}

}
