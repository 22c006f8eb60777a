package dev.ringline.pipeline;

import java.util.List;
import java.util.stream.Collectors;

final class PipelineThreads {
    private PipelineThreads() {
    }

    static List<String> alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix + "-"))
                .collect(Collectors.toList());
    }
}
