package com.kreativnomentorstvo.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The API versions Strimzi's model classes give their types and properties: one set of classes serves
 * every version of a Strimzi API, and its crd-generator's annotations ({@code @PresentInVersions},
 * {@code @RequiredInVersions}) say which property or subtype a version has and which it requires.
 * Their annotation types are not published for the Strimzi release these checks use, so reflection
 * cannot see them: they are read from the class files.
 */
final class StrimziApiVersions {

	private static final String PRESENT = "Lio/strimzi/crdgenerator/annotations/PresentInVersions;";

	private static final String REQUIRED = "Lio/strimzi/crdgenerator/annotations/RequiredInVersions;";

	private static final Map<Class<?>, Marks> MARKS = new ConcurrentHashMap<>();

	private StrimziApiVersions() {
	}

	/** Whether a type exists in an API version: false for a subtype Strimzi has only in older ones. */
	static boolean has(Class<?> type, String version) {
		return marks(type).type(PRESENT).map(range -> includes(range, version)).orElse(true);
	}

	/** Whether a property, named by its field or getter, exists in an API version. */
	static boolean has(Class<?> declaringType, String member, String version) {
		return marks(declaringType).member(member, PRESENT).map(range -> includes(range, version)).orElse(true);
	}

	/** Whether an API version requires a property, named by its field or getter. */
	static boolean requires(Class<?> declaringType, String member, String version) {
		return marks(declaringType).member(member, REQUIRED).map(range -> includes(range, version)).orElse(false);
	}

	/**
	 * Whether a version range of Strimzi's annotations includes a version: {@code v1beta2} (that one),
	 * {@code v1alpha1-v1beta2} (both and those between), {@code v1+} (that one and every later one).
	 */
	static boolean includes(String range, String version) {
		if (range.endsWith("+")) {
			return compare(range.substring(0, range.length() - 1), version) <= 0;
		}
		int dash = range.indexOf('-');
		if (dash > 0) {
			return compare(range.substring(0, dash), version) <= 0 && compare(version, range.substring(dash + 1)) <= 0;
		}
		return compare(range, version) == 0;
	}

	private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

	/** Kubernetes' order of API versions: v1alpha1 before v1beta1, v1beta2 before v1, v1 before v2alpha1. */
	private static int compare(String left, String right) {
		int[] a = rank(left);
		int[] b = rank(right);
		for (int i = 0; i < a.length; i++) {
			if (a[i] != b[i]) {
				return Integer.compare(a[i], b[i]);
			}
		}
		return 0;
	}

	private static int[] rank(String version) {
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a Kubernetes API version: " + version);
		}
		int stability = matcher.group(2) == null ? 2 : "beta".equals(matcher.group(2)) ? 1 : 0;
		int level = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
		return new int[] { Integer.parseInt(matcher.group(1)), stability, level };
	}

	private static Marks marks(Class<?> type) {
		return MARKS.computeIfAbsent(type, StrimziApiVersions::read);
	}

	/** The version ranges of one class file: its own, and its fields' and methods' by name. */
	private record Marks(Map<String, String> ofType, Map<String, Map<String, String>> ofMembers) {

		Optional<String> type(String annotation) {
			return Optional.ofNullable(ofType.get(annotation));
		}

		/** A field {@code replicas} or its getter {@code getReplicas} / {@code isReplicas}: Strimzi marks either. */
		Optional<String> member(String name, String annotation) {
			String capitalised = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
			for (String candidate : new String[] { name, "get" + capitalised, "is" + capitalised }) {
				String range = ofMembers.getOrDefault(candidate, Map.of()).get(annotation);
				if (range != null) {
					return Optional.of(range);
				}
			}
			return Optional.empty();
		}

	}

	private static Marks read(Class<?> type) {
		Map<String, String> ofType = new HashMap<>();
		Map<String, Map<String, String>> ofMembers = new HashMap<>();
		String file = type.getName().replace('.', '/') + ".class";
		ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
		try (InputStream bytes = loader.getResourceAsStream(file)) {
			if (bytes == null) {
				return new Marks(ofType, ofMembers);
			}
			new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {

				@Override
				public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
					return rangeOf(descriptor, ofType);
				}

				@Override
				public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
					Map<String, String> marks = ofMembers.computeIfAbsent(name, n -> new HashMap<>());
					return new FieldVisitor(Opcodes.ASM9) {

						@Override
						public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
							return rangeOf(annotation, marks);
						}

					};
				}

				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
						String[] exceptions) {
					Map<String, String> marks = ofMembers.computeIfAbsent(name, n -> new HashMap<>());
					return new MethodVisitor(Opcodes.ASM9) {

						@Override
						public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
							return rangeOf(annotation, marks);
						}

					};
				}

			}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Marks(ofType, ofMembers);
	}

	/** Keeps the {@code value} of the two annotations of interest, ignores every other one. */
	private static AnnotationVisitor rangeOf(String annotation, Map<String, String> into) {
		if (!PRESENT.equals(annotation) && !REQUIRED.equals(annotation)) {
			return null;
		}
		return new AnnotationVisitor(Opcodes.ASM9) {

			@Override
			public void visit(String name, Object value) {
				if ("value".equals(name)) {
					into.put(annotation, String.valueOf(value));
				}
			}

		};
	}

}
