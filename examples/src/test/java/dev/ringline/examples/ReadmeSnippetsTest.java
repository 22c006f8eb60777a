package dev.ringline.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every block fenced {@code java} in the README compiles as written: its leading imports, then its statements as
 * the body of a method (so a snippet must declare what it uses, imports included). Blocks fenced
 * {@code java fragment} or {@code java spark} are excerpts (a user's own sink, Spark's API) and are not compiled;
 * the test also checks that no other fence hides Java from it.
 */
class ReadmeSnippetsTest {
    @TempDir
    Path dir;

    static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("engine"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    static List<String> snippets(List<String> lines) {
        List<String> snippets = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals("```java")) {
                current = new StringBuilder();
            } else if (current != null && line.strip().equals("```")) {
                snippets.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return snippets;
    }

    @Test
    void everyJavaBlockCompiles() throws IOException {
        List<String> lines = Files.readAllLines(readme(), StandardCharsets.UTF_8);
        for (String line : lines) {
            String fence = line.strip();
            assertTrue(!fence.startsWith("```java") || fence.equals("```java") || fence.equals("```java fragment")
                    || fence.equals("```java spark"), "unknown fence: " + fence);
        }
        List<String> snippets = snippets(lines);
        assertTrue(snippets.size() >= 5, "java blocks: " + snippets.size());
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (String line : snippets.get(i).split("\n", -1)) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
            String name = "Snippet" + i;
            Path source = dir.resolve(name + ".java");
            Files.writeString(source, imports + "\nclass " + name + " {\n    void run() throws Exception {\n"
                    + body + "    }\n}\n");
            sources.add(source);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-classpath",
                    System.getProperty("java.class.path"), "-d", dir.toString(), "-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
            assertEquals(List.of(), errors);
            assertTrue(ok);
        }
    }
}
