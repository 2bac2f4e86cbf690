/*
 * libusdm's configuration: the sysfs root, huge-page mode and the environment, read at first use and again after
 * kqatemu_usdm_reset; no-IOMMU mode, read when the device registers (icp_sal_userStart), as qaeRegisterDevice does.
 * Everything here is guarded by usdm_lock (usdm_registrations.h).
 */
#ifndef KQAT_USDM_CONFIG_H
#define KQAT_USDM_CONFIG_H

#pragma GCC visibility push(hidden)

extern int hugepage_mode;         /* QAT_MAX_2M_HPG_PER_PROCESS > 0 with 2 MiB pages reserved */
extern int usdm_init_error;       /* QAT_MAX_2M_HPG_PER_PROCESS > 0 without 2 MiB pages: USDM cannot open */
extern int strict_dontfork;
extern int charge_memlock_always;
extern int vfio_registered;

void load_config(void);   /* usdm_lock held */
int no_iommu_mode(void);  /* usdm_lock held */
void config_forget(void); /* usdm_lock held: overrides off, the environment read again at next use */

#pragma GCC visibility pop

#endif
