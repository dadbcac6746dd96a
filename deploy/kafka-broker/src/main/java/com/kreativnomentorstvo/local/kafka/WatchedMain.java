package com.kreativnomentorstvo.local.kafka;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another program's {@code main} and exits when the launcher that started this process is
 * gone, so a killed launcher leaves no broker behind. Usage:
 * {@code WatchedMain <launcher-pid> <main-class> [args...]}.
 */
public final class WatchedMain {

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: WatchedMain <launcher-pid> <main-class> [args...]");
			System.exit(2);
		}
		long launcher = Long.parseLong(args[0]);
		ProcessHandle.of(launcher).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
			System.err.println("launcher " + launcher + " has exited; stopping");
			System.exit(0);
		}), () -> System.exit(0));
		Method main = Class.forName(args[1]).getMethod("main", String[].class);
		main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
	}

	private WatchedMain() {
	}

}
