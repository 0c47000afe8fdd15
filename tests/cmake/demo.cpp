int tongbanDemo()
{
    return 1;
}
