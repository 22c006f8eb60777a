package dev.ringline.memory;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceRingTest {

    @Test
    void deliversOutOfOrderSendsInSequenceOrder() throws Exception {
        SequenceRing<String> ring = new SequenceRing<>(16, 16);
        try (SequenceRing.Sender<String> sender = ring.sender()) {
            for (int id : new int[] {3, 1, 0, 2, 5, 4}) {
                sender.send(new SequencedRecord<>(id, "r" + id));
            }
        }
        List<String> out = new ArrayList<>();
        Optional<String> r;
        while ((r = ring.recvOrdered()).isPresent()) {
            out.add(r.get());
        }
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5"), out);
        assertEquals(new SequenceRingStats(6, 0, 16, 16), ring.stats());
    }

    @Test
    void aSendBeyondTheWindowBlocksUntilTheWindowMoves() throws Exception {
        SequenceRing<Integer> ring = new SequenceRing<>(100, 4);
        SequenceRing.Sender<Integer> sender = ring.sender();
        AtomicBoolean farSent = new AtomicBoolean();
        Thread far = new Thread(() -> {
            try {
                sender.send(new SequencedRecord<>(4, 4)); // next + window = 4: must wait
                farSent.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        far.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> far.getState() == Thread.State.WAITING);
        assertFalse(farSent.get());
        assertEquals(0, ring.stats().reorderBufferSize(), "the late record is not buffered while it waits");
        sender.send(new SequencedRecord<>(0, 0));
        assertEquals(Optional.of(0), ring.recvOrdered()); // window now 1..4
        far.join(20_000);
        assertTrue(farSent.get());
        sender.close();
    }

    @Test
    void duplicateAndAlreadyDeliveredIdsAreRejected() throws Exception {
        SequenceRing<Integer> ring = new SequenceRing<>(8, 8);
        SequenceRing.Sender<Integer> sender = ring.sender();
        sender.send(new SequencedRecord<>(0, 0));
        sender.send(new SequencedRecord<>(2, 2));
        assertThrows(IllegalArgumentException.class, () -> sender.send(new SequencedRecord<>(2, 22)));
        assertEquals(Optional.of(0), ring.recvOrdered());
        assertThrows(IllegalArgumentException.class, () -> sender.send(new SequencedRecord<>(0, 0)));
        sender.close();
        assertThrows(IllegalStateException.class, () -> sender.send(new SequencedRecord<>(1, 1)));
    }

    @Test
    void endOfStreamWithAGapIsReportedNotAHang() throws Exception {
        SequenceRing<Integer> ring = new SequenceRing<>(8, 8);
        SequenceRing.Sender<Integer> sender = ring.sender();
        sender.send(new SequencedRecord<>(1, 1));
        sender.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, ring::recvOrdered);
        assertTrue(e.getMessage().contains("sequence ID 0 never arrived"), e.getMessage());
    }

    @Test
    void capacityBoundsRecordsWaitingButNeverBlocksTheNextId() throws Exception {
        SequenceRing<Integer> ring = new SequenceRing<>(2, 100);
        SequenceRing.Sender<Integer> sender = ring.sender();
        sender.send(new SequencedRecord<>(2, 2));
        sender.send(new SequencedRecord<>(1, 1));
        Thread third = new Thread(() -> {
            try {
                sender.send(new SequencedRecord<>(3, 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> third.getState() == Thread.State.WAITING);
        assertEquals(2, ring.stats().reorderBufferSize());
        sender.send(new SequencedRecord<>(0, 0)); // the next ID is accepted even though the ring is full
        assertEquals(Optional.of(0), ring.recvOrdered());
        assertEquals(Optional.of(1), ring.recvOrdered());
        third.join(20_000);
        assertEquals(Optional.of(2), ring.recvOrdered());
        assertEquals(Optional.of(3), ring.recvOrdered());
        sender.close();
        assertEquals(Optional.empty(), ring.recvOrdered());
    }

    @Test
    void manySendersInterleaveAndEverythingArrivesInOrder() throws Exception {
        SequenceRing<Integer> ring = new SequenceRing<>(8, 8);
        int senders = 4;
        int perSender = 250;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            SequenceRing.Sender<Integer> sender = ring.sender();
            int first = s;
            threads.add(new Thread(() -> {
                try (sender) {
                    for (int id = first; id < senders * perSender; id += senders) {
                        sender.send(new SequencedRecord<>(id, id));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        threads.forEach(Thread::start);
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        Optional<Integer> r;
        while ((r = ring.recvOrdered()).isPresent()) {
            out.add(r.get());
        }
        assertEquals(IntStream.range(0, senders * perSender).boxed().collect(Collectors.toList()), out);
        assertEquals(Optional.empty(), ring.tryRecvOrdered());
    }
}
