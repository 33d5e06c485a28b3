package dev.aep.operator.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the operator prints through logback while it is open: each line with logger, level,
 * message, MDC and key-value pairs, and the full stack trace (every exception message of the cause
 * chain) of any attached throwable. Optionally lowers the operator's own loggers to DEBUG, as
 * someone chasing a problem in production would.
 */
final class CapturedLogs implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger operator = (Logger) LoggerFactory.getLogger("dev.aep");
  private final Level operatorLevel;
  private final Level rootLevel;
  private final List<String> lines = new ArrayList<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          StringBuilder line =
              new StringBuilder()
                  .append(event.getLevel())
                  .append(' ')
                  .append(event.getLoggerName())
                  .append(' ')
                  .append(event.getThreadName())
                  .append(": ")
                  .append(event.getFormattedMessage());
          if (!event.getMDCPropertyMap().isEmpty()) {
            line.append(' ').append(event.getMDCPropertyMap());
          }
          if (event.getKeyValuePairs() != null) {
            event
                .getKeyValuePairs()
                .forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
          }
          IThrowableProxy thrown = event.getThrowableProxy();
          if (thrown != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(thrown));
          }
          synchronized (lines) {
            lines.add(line.toString());
          }
        }
      };

  CapturedLogs(boolean operatorDebug) {
    this(operatorDebug, null);
  }

  /**
   * With a {@code rootLevel}, the root logger is set to it, as with {@code aep.log.level} (the
   * libraries logback.xml quietens keep their level); null leaves it alone.
   */
  CapturedLogs(boolean operatorDebug, Level rootLevel) {
    operatorLevel = operator.getLevel();
    this.rootLevel = root.getLevel();
    if (operatorDebug) {
      operator.setLevel(Level.DEBUG);
    }
    if (rootLevel != null) {
      root.setLevel(this.rootLevel);
    }
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.setName("reliability-capture");
    appender.start();
    root.addAppender(appender);
  }

  /** Every line so far. */
  List<String> lines() {
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    operator.setLevel(operatorLevel);
    root.setLevel(this.rootLevel);
  }
}
