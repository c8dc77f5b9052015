package dev.ember.cluster.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.cluster.deploy.DeployMessages;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorAllocatorTest {

  private static WorkerInfo worker(String id, int cores, int memoryMb) {
    return new WorkerInfo(id, "127.0.0.1", cores, memoryMb, null);
  }

  private static ApplicationInfo app(int coresPerExecutor, int memoryMb, int maxCores) {
    return new ApplicationInfo("app-1", new DeployMessages.RegisterApplication("test", "127.0.0.1", 1,
        coresPerExecutor, memoryMb, maxCores), null);
  }

  private static List<String> placed(List<ExecutorAllocator.Placement> placements) {
    return placements.stream().map(p -> p.worker().id + ":" + p.cores()).toList();
  }

  @Test
  void withoutExecutorCoresEachWorkerGetsOneExecutorWithAllItsCores() {
    List<ExecutorAllocator.Placement> placements = ExecutorAllocator.allocate(app(0, 512, Integer.MAX_VALUE),
        List.of(worker("a", 4, 4096), worker("b", 2, 4096)));

    assertThat(placed(placements)).containsExactly("a:4", "b:2");
  }

  @Test
  void executorsAreSpreadOverWorkersBeforeAWorkerGetsASecondOne() {
    List<ExecutorAllocator.Placement> placements = ExecutorAllocator.allocate(app(1, 512, 3),
        List.of(worker("a", 4, 4096), worker("b", 4, 4096)));

    assertThat(placed(placements)).containsExactly("a:1", "b:1", "a:1");
  }

  @Test
  void coresMaxCapsWhatAnApplicationGets() {
    List<ExecutorAllocator.Placement> placements = ExecutorAllocator.allocate(app(0, 512, 3),
        List.of(worker("a", 2, 4096), worker("b", 2, 4096)));

    assertThat(placed(placements)).containsExactly("a:2", "b:1");
  }

  @Test
  void aWorkerWithoutEnoughMemoryGetsNothing() {
    List<ExecutorAllocator.Placement> placements = ExecutorAllocator.allocate(app(1, 1024, 4),
        List.of(worker("small", 4, 512), worker("big", 2, 2048)));

    assertThat(placed(placements)).containsExactly("big:1", "big:1");
  }

  @Test
  void coresAlreadyGrantedCountAgainstCoresMax() {
    ApplicationInfo app = app(1, 256, 2);
    WorkerInfo a = worker("a", 2, 4096);
    ExecutorDesc existing = new ExecutorDesc("0", app, a, 1, 256);
    app.executors.put("0", existing);
    a.executors.put(existing.fullId(), existing);

    List<ExecutorAllocator.Placement> placements = ExecutorAllocator.allocate(app, List.of(a, worker("b", 2, 4096)));

    assertThat(placed(placements)).containsExactly("b:1");
  }
}
