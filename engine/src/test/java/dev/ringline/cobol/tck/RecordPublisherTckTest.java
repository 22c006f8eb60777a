package dev.ringline.cobol.tck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Reactive Streams TCK's publisher rules ({@link RecordPublisherVerification}, TestNG) inside this JUnit
 * test, so {@code mvn verify} runs it with the JUnit Platform provider alone: every rule passes, and the only rules
 * skipped are the ones listed here, none of which can apply to this publisher.
 */
class RecordPublisherTckTest {
    /** The rules the TCK skips for this publisher, each with why it cannot apply. */
    /**
     * The rules the TCK skips for this publisher. Each is an "untested" rule: the TCK has no check for it and skips it
     * for every publisher (a rule about the subscriber's own bookkeeping, or about cost, which no black-box test can
     * observe). Every rule the TCK can check runs, including the optional ones and rule 3.17 with its
     * Integer.MAX_VALUE-element publisher (records are generated as they are read).
     */
    private static final Set<String> UNTESTED_BY_THE_TCK = Set.of(
            "untested_spec106_mustConsiderSubscriptionCancelledAfterOnErrorOrOnCompleteHasBeenCalled",
            "untested_spec107_mustNotEmitFurtherSignalsOnceOnErrorHasBeenSignalled",
            "untested_spec108_possiblyCanceledSubscriptionShouldNotReceiveOnErrorOrOnCompleteSignals",
            "untested_spec109_subscribeShouldNotThrowNonFatalThrowable",
            "untested_spec110_rejectASubscriptionRequestIfTheSameSubscriberSubscribesTwice",
            "untested_spec304_requestShouldNotPerformHeavyComputations",
            "untested_spec305_cancelMustNotSynchronouslyPerformHeavyComputation");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void recordPublisherPassesTheReactiveStreamsTck() {
        TestNG testng = new TestNG(false);
        testng.setUseDefaultListeners(false);
        testng.setVerbose(0);
        testng.setOutputDirectory("target/testng");
        testng.setTestClasses(new Class<?>[] {RecordPublisherVerification.class});
        TestListenerAdapter results = new TestListenerAdapter();
        testng.addListener(results);
        testng.run();

        Map<String, String> failed = new TreeMap<>();
        for (ITestResult r : results.getFailedTests()) {
            failed.put(r.getName(), stack(r.getThrowable()));
        }
        assertEquals(Map.of(), failed, "TCK rules the publisher violates");
        TreeSet<String> skipped = new TreeSet<>();
        for (ITestResult r : results.getSkippedTests()) {
            skipped.add(r.getName() + " (" + (r.getThrowable() == null ? "" : r.getThrowable().getMessage()) + ")");
        }
        System.out.println("TCK passed " + results.getPassedTests().size() + ", skipped " + skipped);
        assertTrue(results.getPassedTests().size() > 20, "passed: " + results.getPassedTests().size());
        TreeSet<String> skippedNames = new TreeSet<>();
        results.getSkippedTests().forEach(r -> skippedNames.add(r.getName()));
        assertEquals(new TreeSet<>(UNTESTED_BY_THE_TCK), skippedNames, skipped.toString());
    }

    private static String stack(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 1500 ? s.substring(0, 1500) : s;
    }
}
