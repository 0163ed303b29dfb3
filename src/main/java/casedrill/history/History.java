package casedrill.history;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A drill's events ordered by clock offset (stable for equal offsets): the input of every checker. */
public record History(List<Event> events) {
    public History {
        events = events.stream().sorted(Comparator.comparingLong(Event::offsetMs)).toList();
    }

    public static History of(Event... events) {
        return new History(List.of(events));
    }

    public <T extends Event> Stream<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }

    public <T extends Event> Optional<T> first(Class<T> type) {
        return all(type).findFirst();
    }

    /** The drill's end: its drill_ended event, else the last event's offset, else 0. */
    public long endMs() {
        return first(Event.DrillEnded.class)
                .map(Event::offsetMs)
                .orElseGet(() -> events.isEmpty() ? 0 : events.get(events.size() - 1).offsetMs());
    }
}
