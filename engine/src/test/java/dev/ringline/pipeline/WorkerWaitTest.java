package dev.ringline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerWaitTest {
    @ParameterizedTest
    @EnumSource(WorkerWait.class)
    void everyStrategyDeliversEveryRecordInOrder(WorkerWait wait) throws Exception {
        List<Long> out = new ArrayList<>();
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new,
                        (seq, slot, scratch) -> slot.output = slot.input * 3)
                .workers(2).capacity(64).waitStrategy(wait).threadNamePrefix("wait-" + wait)
                .consumer((seq, slot, failure) -> out.add(slot.output)).build();
        for (int i = 0; i < 10_000; i++) {
            long s = pipeline.claim();
            pipeline.slot(s).input = i;
            pipeline.publish(s);
        }
        pipeline.close();
        assertEquals(10_000, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(3L * i, out.get(i));
        }
    }

    @Test
    void thePipelinesPublicMethodsNameNoDisruptorType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : List.of(OrderedPipeline.class, OrderedPipeline.Builder.class)) {
            for (Method m : type.getMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                types.add(m.getGenericReturnType());
                for (Type t : types) {
                    if (t.getTypeName().contains("com.lmax")) {
                        leaks.add(m.getName() + ": " + t.getTypeName());
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), "Disruptor types in the public API: " + leaks);
    }
}
