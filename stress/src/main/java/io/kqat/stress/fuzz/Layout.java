package io.kqat.stress.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Valid members laid end to end, with where each one's header, body and trailer start: the mutator's boundaries. */
final class Layout {
    /** Offsets of one member: start, body start (after the header), trailer start, end. */
    static final class Member {
        final int start;
        final int body;
        final int trailer;
        final int end;

        Member(int start, int body, int trailer, int end) {
            this.start = start;
            this.body = body;
            this.trailer = trailer;
            this.end = end;
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Member> members = new ArrayList<>();
    private final List<String> writers = new ArrayList<>();

    /** Appends one member whose header is {@code headerLength} bytes long. */
    void add(String writer, byte[] member, int headerLength) {
        int start = bytes.size();
        bytes.write(member, 0, member.length);
        members.add(new Member(start, start + headerLength, start + member.length - 8, start + member.length));
        writers.add(writer);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    List<Member> members() {
        return members;
    }

    /** The writers, in order, joined by '+'. */
    String writers() {
        return String.join("+", writers);
    }
}
