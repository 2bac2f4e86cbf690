/*
 * qatmgr's slots: with qatmgr, each process that starts takes a VF (a config section) and the next one is refused
 * with "No section available" once none is left. The emulator counts processes instead of VFs: a slot is an flock on
 * one of KQAT_EMU_MAX_PROCESSES files in the emulator's var directory, so it is shared by every process using that
 * directory and freed by the kernel when its process dies.
 */
#ifndef KQAT_QAT_PROCESS_SLOTS_H
#define KQAT_QAT_PROCESS_SLOTS_H

#pragma GCC visibility push(hidden)

extern int max_processes; /* config_lock held; negative: no limit */

/* Takes a slot for this process (config_lock held); 0 when none is left (counted, and said on stderr). */
int process_slot_take(void);
void process_slot_release(void);
/* In a fork child: the parent's slot stays the parent's. */
void process_slot_forget(void);
long long process_slot_refusals(void);

#pragma GCC visibility pop

#endif
