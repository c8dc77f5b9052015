package dev.ember.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.JobProperties;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallSiteTest {

  @Test
  void jobsCarryTheActionAndTheUserLineThatStartedThem() throws Exception {
    List<String> callSites = new CopyOnWriteArrayList<>();
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("callsite"))) {
      sc.addEmberListener(new EmberListener() {
        @Override
        public void onJobStart(EmberListenerEvent.JobStart event) {
          callSites.add(event.properties().getProperty(JobProperties.CALL_SITE));
        }
      });
      int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
      sc.parallelize(List.of(1, 2, 3), 2).map(x -> x + 1).collect();
      sc.parallelize(List.of(1, 2, 3), 2).count();
      sc.listenerBus().waitUntilEmpty(5_000);
      assertThat(callSites).containsExactly("collect at CallSiteTest.java:" + line,
          "count at CallSiteTest.java:" + (line + 1));
    }
  }

  @Test
  void ownershipOfAClassIsDecidedOnceAndStaysTheSame() {
    // Library classes are Ember's own; this test's class (in test-classes) and JDK classes are not.
    for (int i = 0; i < 2; i++) {
      assertThat(CallSite.isEmberInternal(EmberContext.class)).isTrue();
      assertThat(CallSite.isEmberInternal(CallSiteTest.class)).isFalse();
      assertThat(CallSite.isEmberInternal(String.class)).isFalse();
    }
  }

  @Test
  void creationSiteOfManyRddsStillNamesTheUserLine() throws Exception {
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("callsite"))) {
      int line = new Throwable().getStackTrace()[0].getLineNumber() + 2;
      for (int i = 0; i < 3; i++) {
        assertThat(sc.parallelize(List.of(1), 1).map(x -> x).creationSite())
            .isEqualTo("map at CallSiteTest.java:" + line);
      }
    }
  }
}
