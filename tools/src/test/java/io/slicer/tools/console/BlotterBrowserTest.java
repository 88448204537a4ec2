package io.slicer.tools.console;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.DecisionDecoder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blotter in a real browser (Debian's chromium, headless, through chromedriver and Selenium) against a real ring
 * engine and journal: a trader signs in, sees the orders update, halts one with the confirmation, and the engine and
 * the journal show exactly that order halted by the operator, with no child after the halt; a viewer signs in and
 * finds no way to act. Skipped, saying so, only where no chromium and chromedriver are installed.
 *
 * <p>With {@code -Dslicer.console.screenshot=FILE} it also saves the trader's blotter as a PNG (the README's).
 */
class BlotterBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aTraderHaltsOneOrderFromTheBlotterAndAViewerCannotAct() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser here: the blotter test needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        try (ConsoleFixture f = new ConsoleFixture(tmp.resolve("journal"), 3, 150)) {
            WebDriver trader = browser("trader");
            try {
                signIn(trader, f, ConsoleFixture.TRADER);
                final WebDriverWait wait = waiting(trader);
                final String firstFill = wait.until(d -> {
                    final String text = d.findElement(By.cssSelector("#order-1 .filled")).getText();
                    return text.equals("0") ? null : text;
                });
                wait.until(d -> !d.findElement(By.cssSelector("#order-1 .filled")).getText().equals(firstFill));

                wait.until(d -> {
                    d.findElement(By.cssSelector("#order-2 button[data-act='halt']")).click();
                    return true;
                });
                wait.until(d -> d.findElement(By.id("modal")).isDisplayed());
                assertTrue(trader.findElement(By.id("confirmText")).getText().contains("order 2"));
                trader.findElement(By.id("confirmAction")).click();
                wait.until(d -> d.findElement(By.cssSelector("#order-2 .killswitch")).getText().equals("HALTED"));
                assertEquals("OPERATOR", text(trader, "#order-2 .haltreason"));
                assertEquals("ACTIVE", text(trader, "#order-1 .killswitch"));
                final String shot = System.getProperty("slicer.console.screenshot");
                if (shot != null) {
                    final byte[] png = ((ChromeDriver) trader).getScreenshotAs(OutputType.BYTES);
                    Files.write(Paths.get(shot), png);
                }
            } finally {
                trader.quit();
            }

            final WebDriver viewer = browser("viewer");
            try {
                signIn(viewer, f, ConsoleFixture.VIEWER);
                final WebDriverWait wait = waiting(viewer);
                wait.until(d -> d.findElements(By.cssSelector("#rows tr")).size() == 3);
                assertEquals("VIEWER", text(viewer, "#role"));
                assertEquals(List.of(), viewer.findElements(By.cssSelector("button[data-act]")),
                        "a viewer sees no Halt, Pause or Resume");
                assertFalse(viewer.findElement(By.id("deskActions")).isDisplayed(), "nor Halt symbol, Halt all");
            } finally {
                viewer.quit();
            }

            f.stopDay();
            final OrderProgress p = new OrderProgress();
            assertTrue(f.ring.engine().progress(2, p));
            assertEquals(OrderStatus.HALTED, p.status());
            assertEquals(HaltReason.OPERATOR, p.haltReason());
            for (final long other : new long[] {1, 3}) {
                assertTrue(f.ring.engine().progress(other, p));
                assertEquals(OrderStatus.OPEN, p.status(), "order " + other + " still trades");
            }
            assertOnlyOrderTwoHaltedAndNoChildAfter(f.journal);
        }
    }

    /** The journal: one HALT input, of order 2 by the trader; no DECISION sending a child for order 2 after it. */
    private static void assertOnlyOrderTwoHaltedAndNoChildAfter(final Path journal) {
        final List<String> halts = new ArrayList<>();
        long haltInput = -1;
        long childrenAfter = 0;
        long childrenBefore = 0;
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.INPUT) {
                    records.decodeInput(r, e);
                    if (e.type() == EventType.HALT) {
                        halts.add(e.scope() + " " + e.scopeId() + " " + e.role() + " " + e.reason());
                        haltInput = EngineRecords.inputSequence(r);
                    }
                } else if (r.type() == RecordType.DECISION) {
                    final DecisionDecoder d = records.decision(r);
                    if (d.orderId() == 2 && d.childId() != 0) {
                        if (haltInput >= 0 && d.inputSequence() > haltInput) {
                            childrenAfter++;
                        } else {
                            childrenBefore++;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(HaltScope.ORDER + " 2 " + OperatorRole.TRADER + " " + ControlReason.RISK_LIMIT), halts);
        assertTrue(childrenBefore > 0, "order 2 traded before the halt");
        assertEquals(0, childrenAfter, "no child of order 2 after the halt");
    }

    private static WebDriver browser(final String who) throws Exception {
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,860",
                "--user-data-dir=" + Files.createTempDirectory("slicer-chromium-" + who));
        final ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void signIn(final WebDriver driver, final ConsoleFixture f, final String token) {
        driver.get(f.url("/"));
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("signIn")).click();
        waiting(driver).until(d -> d.findElements(By.cssSelector("#rows tr")).size() == 3);
    }

    private static WebDriverWait waiting(final WebDriver driver) {
        final WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    private static String text(final WebDriver driver, final String css) {
        return waiting(driver).until(d -> d.findElement(By.cssSelector(css)).getText());
    }
}
