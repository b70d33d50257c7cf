package dev.livescoreboard.gateway.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.RankChanged;
import dev.livescoreboard.events.RanksChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PersonalChannelsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Counter pushed = registry.counter("pushed");
  private final PersonalChannels personal =
      new PersonalChannels(pushed, registry.counter("dropped"));

  @Test
  void eachChangeReachesOnlyTheChannelsOfItsUserEncodedOnce() {
    Recorder amy = new Recorder();
    Recorder amyAgain = new Recorder();
    Recorder bob = new Recorder();
    personal.register("amy", amy);
    personal.register("amy", amyAgain);
    personal.register("bob", bob);

    personal.deliver(ranks(change("amy", "dave"), change("zed", "dave")));

    assertThat(amy.messages).hasSize(1);
    assertThat(amy.messages.get(0).change()).isEqualTo(change("amy", "dave"));
    assertThat(amyAgain.messages).hasSize(1);
    assertThat(amyAgain.messages.get(0).json()).isSameAs(amy.messages.get(0).json());
    assertThat(bob.messages).isEmpty();
    assertThat(pushed.count()).isEqualTo(2);
  }

  @Test
  void unregisteredChannelGetsNothingAndItsUserLeavesTheIndex() {
    Recorder amy = new Recorder();
    Recorder amyAgain = new Recorder();
    personal.register("amy", amy);
    personal.register("amy", amyAgain);

    personal.unregister("amy", amy);
    personal.deliver(ranks(change("amy", null)));
    personal.unregister("amy", amyAgain);

    assertThat(amy.messages).isEmpty();
    assertThat(amyAgain.messages).hasSize(1);
    assertThat(personal.users()).isZero();
  }

  @Test
  void messageIsTheRankChangedWithItsTypeAndOvertakenByOnlyWhenSomeonePassed() {
    String passed = new String(PersonalMessage.of(change("amy", "dave")).json());
    String own =
        new String(
            PersonalMessage.of(new RankChanged("global", "all-time", "amy", null, 3, 9, true, null))
                .json());

    assertThat(passed)
        .isEqualTo(
            "{\"type\":\"RANK_CHANGED\",\"board\":\"global\",\"season\":\"all-time\","
                + "\"userId\":\"amy\",\"fromRank\":1,\"toRank\":2,\"score\":30,\"inTopN\":true,"
                + "\"overtakenBy\":\"dave\"}");
    assertThat(own).contains("\"fromRank\":null").doesNotContain("overtakenBy");
  }

  private static RanksChanged ranks(RankChanged... changes) {
    return new RanksChanged("global", "all-time", List.of(changes));
  }

  private static RankChanged change(String userId, String overtakenBy) {
    return new RankChanged("global", "all-time", userId, 1, 2, 30, true, overtakenBy);
  }

  private static final class Recorder implements PersonalChannel {

    final List<PersonalMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void push(PersonalMessage message) {
      messages.add(message);
    }
  }
}
