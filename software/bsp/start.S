/* Start code and exception vectors for the Cortex-A9 (ARM state). Linked first at
 * 0x0010_0000 (zynq_ddr.ld), which is also the ELF's entry point, as Xilinx's BSP. */
    .syntax unified
    .arm

    .section .vectors, "ax"
    .global _vector_table
    .balign 32                       /* VBAR needs 32-byte alignment */
_vector_table:
    b _reset
    b _undefined_entry
    b _svc_entry
    b _prefetch_abort_entry
    b _data_abort_entry
    nop                              /* reserved */
    b _irq_entry
    b _fiq_entry

    .text
    .global _reset
    .type _reset, %function
_reset:
    mov r4, r0                       /* the boot argument: vp passes the job descriptor */
    /* A stack per exception mode that can run code; IRQ and FIQ stay masked. */
    cps #0x12                        /* IRQ */
    ldr sp, =__irq_stack_top
    cps #0x11                        /* FIQ */
    ldr sp, =__fiq_stack_top
    cps #0x17                        /* abort */
    ldr sp, =__abt_stack_top
    cps #0x1B                        /* undefined */
    ldr sp, =__und_stack_top
    cps #0x13                        /* SVC: the program runs here */
    ldr sp, =__svc_stack_top
    /* Exceptions use this table (VBAR) with low vectors (SCTLR.V = 0). */
    ldr r0, =_vector_table
    mcr p15, 0, r0, c12, c0, 0
    mrc p15, 0, r0, c1, c0, 0
    bic r0, r0, #(1 << 13)
    mcr p15, 0, r0, c1, c0, 0
    /* VFP and NEON before any floating-point instruction (the code is hard-float):
     * CPACR full access to cp10 and cp11, then FPEXC.EN. */
    mrc p15, 0, r0, c1, c0, 2
    orr r0, r0, #(0xF << 20)
    mcr p15, 0, r0, c1, c0, 2
    isb
    mov r0, #0x40000000
    vmsr fpexc, r0
    /* Zero .bss (a loader may not have: the board's boot loader copies file bytes only). */
    ldr r0, =__bss_start__
    ldr r1, =__bss_end__
    mov r2, #0
1:  cmp r0, r1
    strlo r2, [r0], #4
    blo 1b
    ldr r0, =bsp_boot_r0
    str r4, [r0]
    bl __libc_init_array             /* constructors (.init_array) */
    bl main
    bl exit                          /* newlib: atexit handlers, then _exit(status) */
2:  b 2b
    .size _reset, . - _reset

/* IRQ: save what the AAPCS lets a C function clobber, VFP/NEON included (the handler is
 * compiled hard-float), dispatch through the GIC, return to the interrupted instruction. */
    .type _irq_entry, %function
_irq_entry:
    sub lr, lr, #4
    push {r0-r3, r12, lr}
    vmrs r0, fpscr
    push {r0, r1}                    /* r1: keeps the stack 8-byte aligned */
    vpush {d0-d7}
    vpush {d16-d31}
    bl bsp_irq_dispatch
    vpop {d16-d31}
    vpop {d0-d7}
    pop {r0, r1}
    vmsr fpscr, r0
    pop {r0-r3, r12, lr}
    movs pc, lr                      /* also restores CPSR from SPSR_irq */
    .size _irq_entry, . - _irq_entry

/* Faults: on the board, stop here for a debugger. Under vp the ISS stops the run first
 * and reports the kind, PC and address. */
_undefined_entry:       b _undefined_entry
_svc_entry:             b _svc_entry
_prefetch_abort_entry:  b _prefetch_abort_entry
_data_abort_entry:      b _data_abort_entry
_fiq_entry:             b _fiq_entry
