/* PLACEHOLDER until the CLI is written. */
#include <stdio.h>

#include <evgraph.h>

int main(void)
{
    evg_global_init();
    printf("evgraph %s\n", evg_version());
    return 0;
}
